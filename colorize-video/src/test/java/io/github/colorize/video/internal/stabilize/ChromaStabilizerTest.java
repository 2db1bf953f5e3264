package io.github.colorize.video.internal.stabilize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.internal.color.Lab;
import io.github.colorize.internal.color.LabConverter;
import io.github.colorize.internal.color.LabVariant;
import io.github.colorize.internal.image.PixelBuffers;
import io.github.colorize.video.testing.FlickerStubColorizer;
import io.github.colorize.video.testing.SyntheticClip;
import io.github.colorize.video.testing.VideoMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChromaStabilizerTest {

    private static final int W = SyntheticClip.WIDTH;
    private static final int H = SyntheticClip.HEIGHT;
    private static final LabConverter LAB = Lab.converter(LabVariant.EXACT);

    private static int[] colorise(FlickerStubColorizer stub, int[] frame, int w, int h) {
        return PixelBuffers.rgb(stub.colorize(PixelBuffers.toImage(frame, w, h)).image());
    }

    @Test
    void flickerOfTheSyntheticClipIsMoreThanHalved() {
        FlickerStubColorizer stub = new FlickerStubColorizer();
        ChromaStabilizer stabilizer = new ChromaStabilizer();
        VideoMetrics raw = new VideoMetrics();
        VideoMetrics steady = new VideoMetrics();
        for (int t = 0; t < SyntheticClip.FRAMES; t++) {
            int[] frame = SyntheticClip.frame(t);
            int[] color = colorise(stub, frame, W, H);
            raw.add(frame, color);
            steady.add(frame, stabilizer.process(frame, color, W, H));
        }
        assertThat(raw.flicker()).isGreaterThan(3); // the stub does flicker
        assertThat(steady.flicker()).isLessThan(raw.flicker() / 2);
        assertThat(raw.stillShare()).isGreaterThan(0.8);
    }

    @Test
    void theCutIsFoundAtItsFrameAndNowhereElse() {
        FlickerStubColorizer stub = new FlickerStubColorizer();
        ChromaStabilizer stabilizer = new ChromaStabilizer();
        List<Integer> cuts = new ArrayList<>();
        for (int t = 0; t < SyntheticClip.FRAMES; t++) {
            int[] frame = SyntheticClip.frame(t);
            stabilizer.process(frame, colorise(stub, frame, W, H), W, H);
            if (stabilizer.lastWasCut()) {
                cuts.add(t);
            }
        }
        assertThat(cuts).containsExactly(SyntheticClip.CUT);
        assertThat(stabilizer.cuts()).isEqualTo(1);
        assertThat(stabilizer.frames()).isEqualTo(SyntheticClip.FRAMES);
    }

    @Test
    void aCutFramePassesItsOwnColorsThrough() {
        FlickerStubColorizer stub = new FlickerStubColorizer();
        ChromaStabilizer stabilizer = new ChromaStabilizer();
        for (int t = 0; t <= SyntheticClip.CUT; t++) {
            int[] frame = SyntheticClip.frame(t);
            int[] color = colorise(stub, frame, W, H);
            int[] out = stabilizer.process(frame, color, W, H);
            if (t == 0 || t == SyntheticClip.CUT) {
                assertOwnChromaUnderOriginalLightness(frame, color, out);
            }
        }
    }

    /**
     * The output is the colourised frame's a*b* under the original's L*, to within 8-bit rounding (and
     * gamut clipping: the stub's colours keep BT.601 luma, not L*, so some land outside sRGB at the
     * original's L*).
     */
    private static void assertOwnChromaUnderOriginalLightness(int[] original, int[] color, int[] out) {
        float[][] o = lab(original);
        float[][] c = lab(color);
        float[][] r = lab(out);
        double dl = 0;
        double dab = 0;
        for (int i = 0; i < out.length; i++) {
            dl += Math.abs(r[0][i] - o[0][i]);
            dab += Math.hypot(r[1][i] - c[1][i], r[2][i] - c[2][i]);
        }
        assertThat(dl / out.length).as("mean |ΔL*| from the original").isLessThan(0.3);
        assertThat(dab / out.length)
                .as("mean |Δa*b*| from the colourised frame")
                .isLessThan(2.0);
    }

    @Test
    void memoryOfOneFrameLeavesTheColorsAlone() {
        FlickerStubColorizer stub = new FlickerStubColorizer();
        ChromaStabilizer stabilizer = new ChromaStabilizer(1);
        for (int t = 0; t < 10; t++) {
            int[] frame = SyntheticClip.frame(t);
            int[] color = colorise(stub, frame, W, H);
            assertOwnChromaUnderOriginalLightness(frame, color, stabilizer.process(frame, color, W, H));
        }
    }

    static LongStream seeds() {
        return LongStream.range(0, 8).map(i -> 0x5EED0000L + i * 7919);
    }

    /** Random sizes (odd ones included), random gray content, random colours: lightness is always the original's. */
    @ParameterizedTest
    @MethodSource("seeds")
    void everyFrameKeepsTheOriginalsLightness(long seed) {
        Random rnd = new Random(seed);
        int w = 17 + rnd.nextInt(300);
        int h = 9 + rnd.nextInt(200);
        ChromaStabilizer stabilizer = new ChromaStabilizer();
        int[] base = new int[w * h];
        for (int i = 0; i < base.length; i++) {
            int v = 40 + rnd.nextInt(170);
            base[i] = v << 16 | v << 8 | v;
        }
        for (int t = 0; t < 6; t++) {
            int[] frame = base.clone();
            for (int k = 0; k < base.length / 20; k++) {
                int i = rnd.nextInt(base.length);
                int v = rnd.nextInt(256);
                frame[i] = v << 16 | v << 8 | v;
            }
            int[] color = new int[frame.length];
            int tint = rnd.nextInt(40) - 20;
            for (int i = 0; i < frame.length; i++) {
                int v = frame[i] & 0xFF;
                color[i] = clamp(v + tint) << 16 | v << 8 | clamp(v - tint);
            }
            int[] out = stabilizer.process(frame, color, w, h);
            assertThat(out).hasSize(frame.length);
            float[][] in = lab(frame);
            float[][] res = lab(out);
            double sum = 0;
            for (int i = 0; i < frame.length; i++) {
                sum += Math.abs(in[0][i] - res[0][i]);
            }
            assertThat(sum / frame.length).as("mean |ΔL*|").isLessThan(0.5);
        }
    }

    @Test
    void rejectsFramesOfDifferentSizes() {
        ChromaStabilizer stabilizer = new ChromaStabilizer();
        assertThatThrownBy(() -> stabilizer.process(new int[12], new int[10], 4, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChromaStabilizer(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static float[][] lab(int[] rgb) {
        float[][] p = new float[3][rgb.length];
        LAB.rgbToLab(rgb, p[0], p[1], p[2]);
        return p;
    }

    static int maxChannelDifference(int[] a, int[] b) {
        int max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int s = 0; s <= 16; s += 8) {
                max = Math.max(max, Math.abs(((a[i] >> s) & 0xFF) - ((b[i] >> s) & 0xFF)));
            }
        }
        return max;
    }

    @Test
    void theMedianIsTheMiddleOfTheSortedValues() {
        Random rnd = new Random(3);
        for (int n : new int[] {1, 2, 3, 10, 101, 1000, 4097}) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = rnd.nextInt(n / 3 + 1); // many ties
            }
            float[] sorted = v.clone();
            java.util.Arrays.sort(sorted);
            float[] before = v.clone();
            assertThat(ChromaStabilizer.median(v)).isEqualTo(sorted[n / 2]);
            assertThat(v).isEqualTo(before);
        }
    }

    /**
     * The first frame of a shot is its own cell means, interpolated and put under its lightness; the
     * stabiliser computes that with shortcuts (one pass for the means, separable interpolation, a
     * cache of lightness terms, parallel bands) that must give exactly the plain pixel-by-pixel
     * arithmetic. A colour original with many pixel values makes the cache collide.
     */
    @Test
    void theFirstFrameIsExactlyThePlainArithmetic() {
        int w = 301;
        int h = 203;
        Random rnd = new Random(11);
        int[] original = new int[w * h];
        int[] color = new int[w * h];
        for (int i = 0; i < original.length; i++) {
            original[i] = rnd.nextInt(1 << 24);
            color[i] = rnd.nextInt(1 << 24);
        }
        int[] got = new ChromaStabilizer().process(original, color, w, h);

        Grid g = Grid.forFrame(w, h);
        float[] sumA = new float[g.size()];
        float[] sumB = new float[g.size()];
        int[] count = new int[g.size()];
        double[] lab = new double[3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y / g.cell()) * g.gw() + x / g.cell();
                FastLab.lab(color[y * w + x], lab);
                sumA[i] += (float) lab[1];
                sumB[i] += (float) lab[2];
                count[i]++;
            }
        }
        for (int i = 0; i < g.size(); i++) {
            sumA[i] /= count[i];
            sumB[i] /= count[i];
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double gx = (x + 0.5) / g.cell() - 0.5;
                double gy = (y + 0.5) / g.cell() - 0.5;
                int x0 = gx <= 0 ? 0 : Math.min((int) gx, g.gw() - 1);
                int x1 = gx <= 0 ? 0 : Math.min((int) gx + 1, g.gw() - 1);
                int y0 = gy <= 0 ? 0 : Math.min((int) gy, g.gh() - 1);
                int y1 = gy <= 0 ? 0 : Math.min((int) gy + 1, g.gh() - 1);
                float fx = gx <= 0 ? 0 : (float) (gx - (int) gx);
                float fy = gy <= 0 ? 0 : (float) (gy - (int) gy);
                float a = bilinear(sumA, g.gw(), x0, x1, y0, y1, fx, fy);
                float b = bilinear(sumB, g.gw(), x0, x1, y0, y1, fx, fy);
                int want = FastLab.rgb(FastLab.lightness(original[y * w + x]), a, b);
                assertThat(got[y * w + x]).as("pixel %d,%d", x, y).isEqualTo(want);
            }
        }
    }

    private static float bilinear(float[] p, int gw, int x0, int x1, int y0, int y1, float fx, float fy) {
        float top = p[y0 * gw + x0] + (p[y0 * gw + x1] - p[y0 * gw + x0]) * fx;
        float bottom = p[y1 * gw + x0] + (p[y1 * gw + x1] - p[y1 * gw + x0]) * fx;
        return top + (bottom - top) * fy;
    }
}
