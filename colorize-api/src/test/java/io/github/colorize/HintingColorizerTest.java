package io.github.colorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.internal.image.PixelBuffers;
import io.github.colorize.internal.provenance.PaletteMark;
import java.awt.image.BufferedImage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The correction step sits in {@link MarkingColorizer}, which every backend is wrapped in. */
class HintingColorizerTest {

    /** A backend that paints every pixel one muted colour and counts its calls. */
    static final class FlatBackend implements Colorizer {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String backend() {
            return "flat";
        }

        @Override
        public String model() {
            return "flat-model";
        }

        @Override
        public ColorizedImage colorize(BufferedImage image, ColorizeOptions options) {
            calls.incrementAndGet();
            int[] px = new int[image.getWidth() * image.getHeight()];
            java.util.Arrays.fill(px, 0x8a8070);
            return new ColorizedImage(
                    PixelBuffers.toImage(px, image.getWidth(), image.getHeight()),
                    Provenance.of("flat", "flat-model", null, 0, 1, "cpu", Timings.ZERO));
        }

        @Override
        public void close() {}
    }

    @Test
    void everyBackendsResultObeysTheHintsAndTheMarkComesLast() {
        FlatBackend backend = new FlatBackend();
        Colorizer c = MarkingColorizer.wrap(backend);
        BufferedImage photo = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        ColorHints hints = ColorHints.builder().point(20, 20, 2, 0x2a4d9b).build();
        ColorizeOptions plain = ColorizeOptions.builder().watermark(false).build();
        BufferedImage auto = c.colorize(photo, plain).image();
        BufferedImage guided =
                c.colorize(photo, plain.toBuilder().hints(hints).build()).image();
        assertThat(guided.getRGB(20, 20)).isNotEqualTo(auto.getRGB(20, 20));
        assertThat(guided.getRGB(100, 60)).isNotEqualTo(auto.getRGB(100, 60)); // one flat region

        ColorizeOptions marked = plain.toBuilder().watermark(true).hints(hints).build();
        BufferedImage withMark = c.colorize(photo, marked).image();
        // The mark is drawn on the corrected result, not corrected itself.
        BufferedImage expected = PixelBuffers.toImage(PixelBuffers.rgb(guided), 120, 80);
        PaletteMark.draw(expected, marked.watermark());
        assertThat(PixelBuffers.rgb(withMark)).isEqualTo(PixelBuffers.rgb(expected));
        assertThat(PixelBuffers.rgb(withMark)).isNotEqualTo(PixelBuffers.rgb(guided));
    }

    @Test
    void aHintOutsideThePhotoFailsBeforeTheBackendRuns() {
        FlatBackend backend = new FlatBackend();
        Colorizer c = MarkingColorizer.wrap(backend);
        ColorizeOptions o = ColorizeOptions.builder()
                .hints(ColorHints.builder().point(500, 20, 2, 0x2a4d9b).build())
                .build();
        assertThatThrownBy(() -> c.colorize(new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB), o))
                .isInstanceOf(MalformedHintsException.class)
                .hasMessageContaining("$.hints[0]");
        assertThat(backend.calls).hasValue(0);
    }
}
