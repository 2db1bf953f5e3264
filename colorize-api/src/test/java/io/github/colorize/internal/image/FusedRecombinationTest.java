package io.github.colorize.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.internal.color.Lab;
import io.github.colorize.internal.color.LabConverter;
import io.github.colorize.internal.color.LabVariant;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused row-band {@link ChromaRecombiner#recombineLab} must give the same bytes as the
 * plane-by-plane computation it replaced (full-size L from {@code rgbToLab}, a and b upsampled with
 * {@link TorchInterpolate#bilinear}, scaled, {@code labToRgb} of whole planes), which the golden tests
 * pin; seeded random photos, half gray (the lightness table) and half colour, sizes large enough to
 * run in parallel bands.
 */
class FusedRecombinationTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(LabVariant.SKIMAGE, 1f, 701, 400, 44, 25, 11L),
                Arguments.of(LabVariant.SKIMAGE, 0.7f, 333, 97, 84, 25, 12L),
                Arguments.of(LabVariant.EXACT, 1f, 640, 480, 40, 30, 13L),
                Arguments.of(LabVariant.EXACT, 1.6f, 129, 65, 129, 65, 14L),
                Arguments.of(LabVariant.OPENCV, 1f, 300, 200, 75, 50, 15L),
                Arguments.of(LabVariant.OPENCV, 0f, 61, 37, 9, 6, 16L));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void fusedPassEqualsPlaneByPlane(LabVariant v, float strength, int w, int h, int cw, int ch, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] rgb = new int[w * h];
        for (int i = 0; i < rgb.length; i++) {
            int g = rnd.nextInt(256);
            rgb[i] = rnd.nextBoolean() ? g << 16 | g << 8 | g : rnd.nextInt(1 << 24);
        }
        float[] a = new float[cw * ch];
        float[] b = new float[cw * ch];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (rnd.nextDouble() * 200 - 100);
            b[i] = (float) (rnd.nextDouble() * 200 - 100);
        }

        int[] got = ChromaRecombiner.recombineLab(rgb, w, h, a, b, cw, ch, strength, v);

        LabConverter lab = Lab.converter(v);
        float[] l = new float[rgb.length];
        lab.rgbToLab(rgb, l, new float[rgb.length], new float[rgb.length]);
        float[] ua = TorchInterpolate.bilinear(a, cw, ch, w, h);
        float[] ub = TorchInterpolate.bilinear(b, cw, ch, w, h);
        if (strength != 1f) {
            for (int i = 0; i < ua.length; i++) {
                ua[i] *= strength;
                ub[i] *= strength;
            }
        }
        assertThat(got).isEqualTo(lab.labToRgb(l, ua, ub)); // not containsExactly: quadratic here
    }
}
