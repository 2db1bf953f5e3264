package io.github.colorize.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.internal.color.SyntheticImages;
import io.github.colorize.internal.image.PillowResample.Filter;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Images large enough to take the parallel, row-accumulating paths, against a plain transcription
 * of Pillow's two passes (one channel at a time, column by column), which the small golden arrays
 * pin to Pillow itself.
 */
class PillowResampleReferenceTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(1201, 901, 560, 560, Filter.BILINEAR),
                Arguments.of(1201, 901, 560, 560, Filter.BICUBIC),
                Arguments.of(640, 480, 1283, 967, Filter.BICUBIC),
                Arguments.of(2000, 300, 333, 300, Filter.BICUBIC));
    }

    @ParameterizedTest(name = "{0}x{1} -> {2}x{3} {4}")
    @MethodSource("cases")
    void matchesPlainTranscription(int w, int h, int nw, int nh, Filter f) {
        int[] src = SyntheticImages.rgb(w, h);
        int[] want = reference(src, w, h, nw, nh, f);
        int[] got = PillowResample.resizeRgb(src, w, h, nw, nh, f);
        // AssertJ's element diff is quadratic on arrays this size; report the first mismatch instead
        int at = java.util.Arrays.mismatch(got, want);
        assertThat(at)
                .as("first mismatch at %d: %06x vs %06x", at, at >= 0 ? got[at] : 0, at >= 0 ? want[at] : 0)
                .isEqualTo(-1);
    }

    private static int[] reference(int[] src, int w, int h, int nw, int nh, Filter f) {
        int[] out = new int[nw * nh];
        for (int shift = 0; shift <= 16; shift += 8) {
            int[] plane = new int[w * h];
            for (int i = 0; i < plane.length; i++) {
                plane[i] = (src[i] >> shift) & 0xFF;
            }
            int[] hp = pass(plane, w, h, ResampleKernels.coefficients(w, nw, f), true);
            int[] vp = pass(hp, nw, h, ResampleKernels.coefficients(h, nh, f), false);
            for (int i = 0; i < out.length; i++) {
                out[i] |= vp[i] << shift;
            }
        }
        return out;
    }

    private static int[] pass(int[] plane, int w, int h, ResampleKernels.Coefficients c, boolean horizontal) {
        int n = c.start().length;
        int ow = horizontal ? n : w;
        int oh = horizontal ? h : n;
        int[] out = new int[ow * oh];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                int o = horizontal ? x : y;
                int acc = 1 << (ResampleKernels.PRECISION_BITS - 1);
                for (int t = 0; t < c.count()[o]; t++) {
                    int s = c.start()[o] + t;
                    int v = horizontal ? plane[y * w + s] : plane[s * w + x];
                    acc += v * c.k()[o * c.ksize() + t];
                }
                out[y * ow + x] = ResampleKernels.clip8(acc);
            }
        }
        return out;
    }
}
