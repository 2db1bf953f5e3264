package io.github.colorize.internal.hints;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.ColorHint;
import io.github.colorize.ColorHints;
import io.github.colorize.internal.image.PixelBuffers;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded, reproducible property tests of the correction step: a failing seed names its case. */
class HintCorrectionPropertyTest {

    static Stream<Long> seeds() {
        return LongStream.range(0, 40).mapToObj(i -> 0x41A7_0000L + i);
    }

    /** A random blocky "photo": rectangles of random colours with grain, 40..200 pixels a side. */
    private static int[] randomPhoto(Random rnd, int w, int h) {
        int[] px = new int[w * h];
        int blocks = 1 + rnd.nextInt(6);
        int[] colors = new int[blocks];
        for (int k = 0; k < blocks; k++) {
            colors[k] = rnd.nextInt(0x1000000);
        }
        int bw = Math.max(1, w / (1 + rnd.nextInt(3)));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = colors[((x / bw) + (y / 37)) % blocks];
                int g = rnd.nextInt(5) - 2;
                int r = clamp(((c >> 16) & 0xFF) + g);
                int gg = clamp(((c >> 8) & 0xFF) + g);
                int b = clamp((c & 0xFF) + g);
                px[y * w + x] = r << 16 | gg << 8 | b;
            }
        }
        return px;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** Property: no hints, the result is the input, bit for bit. */
    @ParameterizedTest
    @MethodSource("seeds")
    void noHintLeavesTheResultUnchanged(long seed) {
        Random rnd = new Random(seed);
        int w = 40 + rnd.nextInt(160);
        int h = 40 + rnd.nextInt(160);
        int[] photo = randomPhoto(rnd, w, h);
        BufferedImage img = PixelBuffers.toImage(photo, w, h);
        assertThat(PixelBuffers.rgb(ColorHints.none().applyTo(img))).isEqualTo(photo);
        assertThat(HintCorrection.correct(photo, w, h, List.of(), HintCorrection.Tuning.DEFAULT))
                .isEqualTo(photo);
    }

    /**
     * Property: at a hinted spot, the result's chroma is within ΔE*ab 3 of the hint's, for hint colours
     * the spot's own lightness can show (mid lightness, moderate chroma: no sRGB gamut clipping).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void theHintedSpotHasTheHintsChroma(long seed) {
        Random rnd = new Random(seed);
        int w = 40 + rnd.nextInt(160);
        int h = 40 + rnd.nextInt(160);
        float[] l = new float[w * h];
        float[] a = new float[w * h];
        float[] b = new float[w * h];
        for (int i = 0; i < l.length; i++) {
            l[i] = 50 + 5 * (float) Math.sin(i * 0.01) + (float) rnd.nextGaussian();
            a[i] = rnd.nextFloat() * 20 - 10;
            b[i] = rnd.nextFloat() * 20 - 10;
        }
        int[] photo = SyntheticPhotos.LAB.labToRgb(l, a, b);
        List<ColorHint> hints = new ArrayList<>();
        List<int[]> spots = new ArrayList<>();
        int n = 1 + rnd.nextInt(20);
        for (int k = 0; k < n; k++) {
            int x = rnd.nextInt(w);
            int y = rnd.nextInt(h);
            double[] rgb = SyntheticPhotos.LAB.labToRgb(50, rnd.nextDouble() * 40 - 20, rnd.nextDouble() * 40 - 20);
            int c = (int) Math.round(rgb[0] * 255) << 16
                    | (int) Math.round(rgb[1] * 255) << 8
                    | (int) Math.round(rgb[2] * 255);
            hints.add(ColorHint.point(x, y, rnd.nextInt(4), c));
            spots.add(new int[] {x, y, c});
        }
        int[] out = HintCorrection.correct(photo, w, h, hints, HintCorrection.Tuning.DEFAULT);
        // A later hint over the same pixel wins: check each spot against the last hint covering it.
        for (int k = 0; k < n; k++) {
            int[] s = spots.get(k);
            int last = k;
            for (int j = k + 1; j < n; j++) {
                ColorHint later = hints.get(j);
                if (Math.hypot(later.x(0) - s[0], later.y(0) - s[1]) <= Math.max(0.5, later.radius())) {
                    last = j;
                }
            }
            double[] got = SyntheticPhotos.lab(out[s[1] * w + s[0]]);
            assertThat(SyntheticPhotos.chromaDistance(got, spots.get(last)[2]))
                    .as("hint %d at (%d, %d)", k, s[0], s[1])
                    .isLessThan(3);
        }
    }
}
