package io.github.colorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.ToneAnalysis.Verdict;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.stream.LongStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ToneAnalysisTest {

    private static final int SEPIA_DARK = 0x2E1E12;
    private static final int SEPIA_LIGHT = 0xF4E4C6;
    private static final int CYANOTYPE_DARK = 0x0C2C5A;
    private static final int CYANOTYPE_LIGHT = 0xE4EEF6;
    private static final int SELENIUM_DARK = 0x36222E;
    private static final int SELENIUM_LIGHT = 0xF0EEEC;

    static LongStream seeds() {
        return LongStream.range(1, 13);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void neutralScenesAreGray(long seed) {
        int[] luma = scene(seed, 120, 90);

        ToneAnalysis t = Images.classifyTone(image(120, 90, gray(luma)));

        assertThat(t.verdict()).isEqualTo(Verdict.GRAY);
        assertThat(t.toneChroma()).isZero();
        assertThat(t.colorChroma()).isZero();
        assertThat(t.toneHue()).isNaN();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sepiaScenesAreTonedWithAWarmHue(long seed) {
        int[] luma = scene(seed, 120, 90);

        ToneAnalysis t = Images.classifyTone(image(120, 90, ramp(luma, SEPIA_DARK, SEPIA_LIGHT)));

        assertThat(t.verdict()).isEqualTo(Verdict.TONED);
        assertThat(t.toneHue()).isBetween(15.0, 50.0);
        assertThat(t.colorChroma()).isLessThan(1.5);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void cyanotypeAndSeleniumScenesAreToned(long seed) {
        int[] luma = scene(seed, 100, 100);

        ToneAnalysis cyanotype = Images.classifyTone(image(100, 100, ramp(luma, CYANOTYPE_DARK, CYANOTYPE_LIGHT)));
        ToneAnalysis selenium = Images.classifyTone(image(100, 100, ramp(luma, SELENIUM_DARK, SELENIUM_LIGHT)));

        assertThat(cyanotype.verdict()).isEqualTo(Verdict.TONED);
        assertThat(cyanotype.toneHue()).isBetween(195.0, 235.0);
        assertThat(selenium.verdict()).isEqualTo(Verdict.TONED);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void scenesWithVariedHuesAreColor(long seed) {
        int[] luma = scene(seed, 120, 90);

        ToneAnalysis t = Images.classifyTone(image(120, 90, colorful(seed, luma, 120)));

        assertThat(t.verdict()).isEqualTo(Verdict.COLOR);
        assertThat(t.isColor()).isTrue();
    }

    /** JPEG chroma noise and subsampling must not turn gray or sepia photos into colour ones. */
    @ParameterizedTest
    @MethodSource("seeds")
    void verdictsSurviveJpegCompression(long seed) throws IOException {
        int[] luma = scene(seed, 160, 120);

        ToneAnalysis gray = Images.classifyTone(jpegRoundTrip(image(160, 120, gray(luma))));
        ToneAnalysis sepia = Images.classifyTone(jpegRoundTrip(image(160, 120, ramp(luma, SEPIA_DARK, SEPIA_LIGHT))));
        ToneAnalysis color = Images.classifyTone(jpegRoundTrip(image(160, 120, colorful(seed, luma, 160))));

        assertThat(gray.verdict()).isEqualTo(Verdict.GRAY);
        assertThat(sepia.verdict()).isEqualTo(Verdict.TONED);
        assertThat(color.verdict()).isEqualTo(Verdict.COLOR);
    }

    /** A large image goes through the box-averaged copy and gets the same verdict. */
    @Test
    void largeImagesAreMeasuredOnASmallCopy() {
        int w = 1500;
        int h = 1000;
        int[] luma = scene(5, w, h);

        assertThat(Images.classifyTone(image(w, h, ramp(luma, SEPIA_DARK, SEPIA_LIGHT)))
                        .verdict())
                .isEqualTo(Verdict.TONED);
        assertThat(Images.classifyTone(image(w, h, colorful(5, luma, w))).verdict())
                .isEqualTo(Verdict.COLOR);
    }

    @Test
    void acceptsAnyImageTypeAndLeavesItAlone() {
        BufferedImage gray = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSamples(0, 0, 40, 30, 0, scene(3, 40, 30));
        BufferedImage argb = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        int[] sepia = ramp(scene(3, 40, 30), SEPIA_DARK, SEPIA_LIGHT);
        for (int i = 0; i < sepia.length; i++) {
            sepia[i] |= 0xFF000000;
        }
        argb.setRGB(0, 0, 40, 30, sepia, 0, 40);
        int before = argb.getRGB(7, 7);

        assertThat(Images.classifyTone(gray).verdict()).isEqualTo(Verdict.GRAY);
        assertThat(Images.classifyTone(argb).verdict()).isEqualTo(Verdict.TONED);
        assertThat(argb.getRGB(7, 7)).isEqualTo(before);
    }

    @Test
    void thresholdsDecideTheVerdict() {
        assertThat(ToneAnalysis.verdictFor(0, 0)).isEqualTo(Verdict.GRAY);
        assertThat(ToneAnalysis.verdictFor(ToneAnalysis.GRAY_MAX_TONE_CHROMA - 0.01, 0))
                .isEqualTo(Verdict.GRAY);
        assertThat(ToneAnalysis.verdictFor(ToneAnalysis.GRAY_MAX_TONE_CHROMA, 0))
                .isEqualTo(Verdict.TONED);
        assertThat(ToneAnalysis.verdictFor(30, ToneAnalysis.COLOR_MIN_CHROMA - 0.01))
                .isEqualTo(Verdict.TONED);
        assertThat(ToneAnalysis.verdictFor(0, ToneAnalysis.COLOR_MIN_CHROMA)).isEqualTo(Verdict.COLOR);
        assertThatThrownBy(() -> new ToneAnalysis(Verdict.GRAY, -1, 0, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ToneAnalysis(Verdict.GRAY, Double.NaN, 0, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A random gray scene: a gradient, then rectangles of random gray, then a little noise, so that
     * every luminance bin is populated by several regions.
     */
    static int[] scene(long seed, int w, int h) {
        Random random = new Random(seed);
        int[] luma = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                luma[y * w + x] = 30 + 190 * (x + y) / (w + h);
            }
        }
        for (int r = 0; r < 40; r++) {
            int x0 = random.nextInt(w);
            int y0 = random.nextInt(h);
            int x1 = Math.min(w, x0 + 1 + random.nextInt(w / 3));
            int y1 = Math.min(h, y0 + 1 + random.nextInt(h / 3));
            int v = random.nextInt(256);
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    luma[y * w + x] = v;
                }
            }
        }
        for (int i = 0; i < luma.length; i++) {
            luma[i] = Math.max(0, Math.min(255, luma[i] + random.nextInt(9) - 4));
        }
        return luma;
    }

    static int[] gray(int[] luma) {
        int[] rgb = new int[luma.length];
        for (int i = 0; i < luma.length; i++) {
            rgb[i] = luma[i] * 0x010101;
        }
        return rgb;
    }

    /** Toning: each gray value maps to a colour on the line from the dark to the light tone. */
    static int[] ramp(int[] luma, int dark, int light) {
        int[] rgb = new int[luma.length];
        for (int i = 0; i < luma.length; i++) {
            int out = 0;
            for (int shift = 16; shift >= 0; shift -= 8) {
                int d = dark >> shift & 0xFF;
                int l = light >> shift & 0xFF;
                out |= (d + (l - d) * luma[i] / 255) << shift;
            }
            rgb[i] = out;
        }
        return rgb;
    }

    /** The scene with each of 24 vertical stripes in its own random saturated hue. */
    static int[] colorful(long seed, int[] luma, int w) {
        Random random = new Random(seed * 7919);
        float[] hues = new float[24];
        for (int i = 0; i < hues.length; i++) {
            hues[i] = random.nextFloat();
        }
        int[] rgb = new int[luma.length];
        for (int i = 0; i < luma.length; i++) {
            float hue = hues[(i % w) * hues.length / w];
            rgb[i] = Color.HSBtoRGB(hue, 0.6f, 0.15f + 0.85f * luma[i] / 255f) & 0xFFFFFF;
        }
        return rgb;
    }

    static BufferedImage image(int w, int h, int[] rgb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, rgb, 0, w);
        return img;
    }

    private static BufferedImage jpegRoundTrip(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
    }
}
