package io.github.colorize.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.internal.color.GoldenFile;
import io.github.colorize.internal.color.SyntheticImages;
import io.github.colorize.internal.image.PillowResample.Filter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pillow, OpenCV and PyTorch resizes of the synthetic patterns, against the arrays the real
 * libraries produced (tools/golden/make_golden.py): up and down, one axis only, odd sizes.
 */
class ResamplingGoldenTest {

    private static GoldenFile golden;

    @BeforeAll
    static void load() {
        golden = GoldenFile.load("resample.bin.gz");
    }

    static Stream<Arguments> cases() {
        return Arrays.stream(SyntheticImages.RESIZE_CASES).map(c -> Arguments.of(c[0], c[1], c[2], c[3]));
    }

    static Stream<Arguments> casesWithFilter() {
        return cases().flatMap(a -> Arrays.stream(Filter.values()).map(f -> {
            Object[] o = a.get();
            return Arguments.of(o[0], o[1], o[2], o[3], f);
        }));
    }

    private static String key(int w, int h, int nw, int nh) {
        return w + "x" + h + "-" + nw + "x" + nh;
    }

    @ParameterizedTest(name = "{0}x{1} -> {2}x{3} {4}")
    @MethodSource("casesWithFilter")
    void pillowRgbIsBitExact(int w, int h, int nw, int nh, Filter f) {
        int[] got = PillowResample.resizeRgb(SyntheticImages.rgb(w, h), w, h, nw, nh, f);
        int[] want =
                golden.ints("pillow-rgb-" + key(w, h, nw, nh) + "-" + f.name().toLowerCase(Locale.ROOT));
        assertThat(got).containsExactly(want);
    }

    @ParameterizedTest(name = "{0}x{1} -> {2}x{3} {4}")
    @MethodSource("casesWithFilter")
    void pillowGrayIsBitExact(int w, int h, int nw, int nh, Filter f) {
        byte[] got = PillowResample.resizeGray(SyntheticImages.gray(w, h), w, h, nw, nh, f);
        byte[] want =
                golden.bytes("pillow-gray-" + key(w, h, nw, nh) + "-" + f.name().toLowerCase(Locale.ROOT));
        assertThat(got).containsExactly(want);
    }

    @ParameterizedTest(name = "{0}x{1} -> {2}x{3}")
    @MethodSource("cases")
    void openCvFloatIsBitExact(int w, int h, int nw, int nh) {
        float[] got = OpenCvResize.linear(SyntheticImages.plane(w, h), w, h, nw, nh);
        assertThat(got).containsExactly(golden.floats("opencv-f32-" + key(w, h, nw, nh)));
    }

    @ParameterizedTest(name = "{0}x{1} -> {2}x{3}")
    @MethodSource("cases")
    void openCvRgb8IsBitExact(int w, int h, int nw, int nh) {
        int[] got = OpenCvResize.linearRgb8(SyntheticImages.rgb(w, h), w, h, nw, nh);
        assertThat(got).containsExactly(golden.ints("opencv-rgb8-" + key(w, h, nw, nh)));
    }

    @ParameterizedTest(name = "{0}x{1} -> {2}x{3}")
    @MethodSource("cases")
    void torchNearestIsBitExact(int w, int h, int nw, int nh) {
        float[] got = TorchInterpolate.nearest(SyntheticImages.plane(w, h), w, h, nw, nh);
        assertThat(got).containsExactly(golden.floats("torch-nearest-" + key(w, h, nw, nh)));
    }

    /** PyTorch orders the float32 operations differently; the doc measured 5e-7 on values near 1. */
    @ParameterizedTest(name = "{0}x{1} -> {2}x{3}")
    @MethodSource("cases")
    void torchBilinearWithinFloatRounding(int w, int h, int nw, int nh) {
        float[] got = TorchInterpolate.bilinear(SyntheticImages.plane(w, h), w, h, nw, nh);
        float[] want = golden.floats("torch-bilinear-" + key(w, h, nw, nh));
        assertThat(got).hasSameSizeAs(want);
        for (int i = 0; i < got.length; i++) {
            // values reach 11.5, so allow a few float32 ulps there
            assertThat(got[i]).as("index %d", i).isCloseTo(want[i], org.assertj.core.api.Assertions.within(4e-6f));
        }
    }
}
