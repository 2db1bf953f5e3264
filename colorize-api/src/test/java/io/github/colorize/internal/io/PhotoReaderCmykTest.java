package io.github.colorize.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.ImageReadOptions;
import io.github.colorize.UndecodableImageException;
import io.github.colorize.internal.color.Lab;
import io.github.colorize.internal.color.LabConverter;
import io.github.colorize.internal.color.LabVariant;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Four-component JPEGs with an embedded CMYK ICC profile against a colour-managed reference.
 *
 * <p>The fixtures and references are made by {@code cmyk/make_fixtures.py} (a self-made press profile,
 * synthetic ink ramps and solid patches; each reference is the same file decoded by libjpeg and
 * converted to sRGB by littleCMS). Measured: TwelveMonkeys is within a mean ΔE76 of 0.07 (max 1.2);
 * the profile-free ink formula was off by a mean of 23 (max 60).
 */
class PhotoReaderCmykTest {

    private static final double MAX_MEAN_DELTA_E = 1.0;
    private static final double MAX_DELTA_E = 4.0;
    private static final LabConverter LAB = Lab.converter(LabVariant.EXACT);

    @ParameterizedTest
    @ValueSource(strings = {"cmyk-icc", "ycck-icc"})
    void embeddedProfileIsApplied(String name) {
        BufferedImage read = PhotoReader.decode(null, resource(name + ".jpg"), ImageReadOptions.defaults())
                .image();
        BufferedImage reference = png(name + ".ref.png");

        double[] deltaE = deltaE76(TestImages.rgb24(read), TestImages.rgb24(reference));

        assertThat(read.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(Arrays.stream(deltaE).average().orElseThrow())
                .as("mean ΔE76 against littleCMS")
                .isLessThan(MAX_MEAN_DELTA_E);
        assertThat(Arrays.stream(deltaE).max().orElseThrow())
                .as("max ΔE76 against littleCMS")
                .isLessThan(MAX_DELTA_E);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 1000, 4000})
    void truncatedAdobeCmykIsAnError(int keep) {
        byte[] whole = resource("cmyk-icc.jpg");

        assertThatThrownBy(() -> PhotoReader.decode(null, Arrays.copyOf(whole, keep), ImageReadOptions.defaults()))
                .isInstanceOf(UndecodableImageException.class);
    }

    private static double[] deltaE76(int[] actual, int[] expected) {
        double[] out = new double[actual.length];
        for (int i = 0; i < actual.length; i++) {
            double[] x = lab(actual[i]);
            double[] y = lab(expected[i]);
            out[i] = Math.sqrt(
                    (x[0] - y[0]) * (x[0] - y[0]) + (x[1] - y[1]) * (x[1] - y[1]) + (x[2] - y[2]) * (x[2] - y[2]));
        }
        return out;
    }

    private static double[] lab(int rgb) {
        return LAB.rgbToLab((rgb >> 16 & 0xFF) / 255.0, (rgb >> 8 & 0xFF) / 255.0, (rgb & 0xFF) / 255.0);
    }

    static byte[] resource(String name) {
        try (InputStream in = PhotoReaderCmykTest.class.getResourceAsStream("cmyk/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource cmyk/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage png(String name) {
        try {
            return ImageIO.read(new ByteArrayInputStream(resource(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
