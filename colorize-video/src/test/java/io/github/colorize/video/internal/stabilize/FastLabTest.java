package io.github.colorize.video.internal.stabilize;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.internal.color.Lab;
import io.github.colorize.internal.color.LabConverter;
import io.github.colorize.internal.color.LabVariant;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FastLabTest {

    private static final LabConverter EXACT = Lab.converter(LabVariant.EXACT);

    static LongStream seeds() {
        return LongStream.of(1, 2, 3, 42, 2024);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void forwardMatchesTheToolkit(long seed) {
        Random rnd = new Random(seed);
        int[] rgb = new int[20_000];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = rnd.nextInt(1 << 24);
        }
        float[] l = new float[rgb.length];
        float[] a = new float[rgb.length];
        float[] b = new float[rgb.length];
        EXACT.rgbToLab(rgb, l, a, b);
        double[] out = new double[3];
        for (int i = 0; i < rgb.length; i++) {
            FastLab.lab(rgb[i], out);
            assertThat(out[0]).isCloseTo(l[i], org.assertj.core.data.Offset.offset(0.01));
            assertThat(out[1]).isCloseTo(a[i], org.assertj.core.data.Offset.offset(0.01));
            assertThat(out[2]).isCloseTo(b[i], org.assertj.core.data.Offset.offset(0.01));
            assertThat(FastLab.lightness(rgb[i])).isCloseTo(l[i], org.assertj.core.data.Offset.offset(0.01));
        }
    }

    /** Lab colours in and beyond the gamut: one 8-bit step at most, and nearly always none. */
    @ParameterizedTest
    @MethodSource("seeds")
    void inverseMatchesTheToolkit(long seed) {
        Random rnd = new Random(seed);
        int n = 20_000;
        float[] l = new float[n];
        float[] a = new float[n];
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            l[i] = rnd.nextFloat() * 100;
            a[i] = rnd.nextFloat() * 160 - 80;
            b[i] = rnd.nextFloat() * 160 - 80;
        }
        int[] expected = EXACT.labToRgb(l, a, b);
        int differing = 0;
        for (int i = 0; i < n; i++) {
            int got = FastLab.rgb(l[i], a[i], b[i]);
            assertThat(ChromaStabilizerTest.maxChannelDifference(new int[] {got}, new int[] {expected[i]}))
                    .isLessThanOrEqualTo(1);
            if (got != expected[i]) {
                differing++;
            }
        }
        assertThat(differing).isLessThan(n / 100);
    }
}
