package io.github.colorize.internal.color;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden values printed, to 4 decimals, by the real libraries (Debian 12: scikit-image 0.19.3 {@code
 * rgb2lab}/{@code lab2rgb}, OpenCV 4.6.0 float and 8-bit Lab and 8-bit YUV).
 */
class LabReferenceTableTest {

    static Stream<Arguments> rgbToLab() {
        return Stream.of(
                Arguments.of(
                        255, 0, 0, new double[] {53.2406, 80.0923, 67.2028}, new double[] {53.2410, 80.0938, 67.2031}),
                Arguments.of(
                        0, 255, 0, new double[] {87.7351, -86.1830, 83.1797}, new double[] {87.7380, -86.1875, 83.1719
                        }),
                Arguments.of(
                        0, 0, 255, new double[] {32.2957, 79.1856, -107.8573}, new double[] {32.2937, 79.1875, -107.8594
                        }),
                Arguments.of(255, 255, 255, new double[] {100.0000, -0.0025, 0.0047}, new double[] {100, 0, 0}),
                Arguments.of(0, 0, 0, new double[] {0, 0, 0}, new double[] {0, 0, 0}),
                Arguments.of(128, 128, 128, new double[] {53.5850, -0.0015, 0.0028}, new double[] {53.5828, 0, 0}),
                Arguments.of(10, 10, 10, new double[] {2.7417, -0.0002, 0.0003}, new double[] {2.8015, 0, 0}),
                Arguments.of(
                        200, 150, 100, new double[] {65.7601, 12.7589, 33.5647}, new double[] {65.7043, 12.6719, 33.6875
                        }),
                Arguments.of(50, 100, 200, new double[] {44.1762, 18.3739, -56.9297}, new double[] {
                    44.0552, 18.5156, -56.9688
                }));
    }

    @ParameterizedTest
    @MethodSource("rgbToLab")
    void rgbToLabMatchesSkimageAndOpenCv(int r, int g, int b, double[] skimage, double[] opencv) {
        int[] px = {r << 16 | g << 8 | b};
        float[] l = new float[1];
        float[] a = new float[1];
        float[] bb = new float[1];
        Lab.converter(LabVariant.SKIMAGE).rgbToLab(px, l, a, bb);
        assertThat(new double[] {l[0], a[0], bb[0]}).containsExactly(skimage, within(6e-5));
        Lab.converter(LabVariant.OPENCV).rgbToLab(px, l, a, bb);
        assertThat(new double[] {l[0], a[0], bb[0]}).containsExactly(opencv, within(6e-5));
    }

    static Stream<Arguments> labToRgb() {
        return Stream.of(
                Arguments.of(
                        50, 0, 0, new double[] {118.914, 118.913, 118.918}, new double[] {118.913, 118.913, 118.913}),
                Arguments.of(
                        50, 60, -40, new double[] {183.655, 72.013, 188.048}, new double[] {183.655, 72.015, 188.042}),
                Arguments.of(
                        75, -30, 50, new double[] {158.898, 197.620, 87.911}, new double[] {158.896, 197.621, 87.905}),
                Arguments.of(20, 40, 40, new double[] {104.259, 3.695, 0.000}, new double[] {104.258, 3.697, 0.000}),
                Arguments.of(
                        60, 20, -120, new double[] {0.000, 150.578, 255.000}, new double[] {0.000, 150.577, 255.000}));
    }

    @ParameterizedTest
    @MethodSource("labToRgb")
    void labToRgbMatchesSkimageAndOpenCv(double l, double a, double b, double[] skimage, double[] opencv) {
        double[] s = Lab.converter(LabVariant.SKIMAGE).labToRgb(l, a, b);
        double[] o = Lab.converter(LabVariant.OPENCV).labToRgb(l, a, b);
        for (int k = 0; k < 3; k++) {
            assertThat(s[k] * 255).isCloseTo(skimage[k], within(6e-4));
            assertThat(o[k] * 255).isCloseTo(opencv[k], within(6e-4));
        }
    }
}
