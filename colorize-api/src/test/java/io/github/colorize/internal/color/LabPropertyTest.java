package io.github.colorize.internal.color;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the Lab converters over seeded random inputs (each seed is one parameterized case,
 * so a failure names the seed that reproduces it). Bounds are what each variant actually holds:
 * EXACT inverts itself to double precision (1.7e-14 measured over 3 million samples); SKIMAGE
 * carries scikit-image's own seam, thresholds 0.008856 and 0.2068966 that do not quite meet, which
 * costs up to 1.7e-6 for dark colours (scikit-image itself has the same); OPENCV's forward direction
 * interpolates a table, so its round trip is only good to 5e-3.
 */
class LabPropertyTest {

    private static final int SAMPLES = 20_000;

    static Stream<Arguments> seedsAndVariants() {
        return LongStream.of(1, 2, 3, 20261122)
                .boxed()
                .flatMap(seed -> Stream.of(
                        Arguments.of(seed, LabVariant.EXACT, 1e-12),
                        Arguments.of(seed, LabVariant.SKIMAGE, 2e-6),
                        Arguments.of(seed, LabVariant.OPENCV, 6e-3)));
    }

    /** In-gamut colours in [0,1]³, with a share of exact edges and threshold neighbourhoods. */
    private static double channel(SplittableRandom rnd) {
        return switch (rnd.nextInt(8)) {
            case 0 -> rnd.nextBoolean() ? 0.0 : 1.0;
            case 1 -> 0.04045 + (rnd.nextDouble() - 0.5) * 1e-4; // sRGB curve's knee
            case 2 -> rnd.nextDouble() * 0.01; // dark: Lab's linear segment
            default -> rnd.nextDouble();
        };
    }

    @ParameterizedTest(name = "seed {0} {1}")
    @MethodSource("seedsAndVariants")
    void roundTripInGamut(long seed, LabVariant variant, double tolerance) {
        LabConverter c = Lab.converter(variant);
        SplittableRandom rnd = new SplittableRandom(seed);
        double worst = 0;
        for (int i = 0; i < SAMPLES; i++) {
            double r = channel(rnd);
            double g = channel(rnd);
            double b = channel(rnd);
            double[] lab = c.rgbToLab(r, g, b);
            double[] back = c.labToRgb(lab[0], lab[1], lab[2]);
            double e = Math.max(Math.abs(back[0] - r), Math.max(Math.abs(back[1] - g), Math.abs(back[2] - b)));
            worst = Math.max(worst, e);
            if (e > tolerance) { // assert only on failure: AssertJ per sample would dominate the run time
                assertThat(back)
                        .as("seed %d sample %d rgb (%s, %s, %s)", seed, i, r, g, b)
                        .containsExactly(new double[] {r, g, b}, org.assertj.core.api.Assertions.within(tolerance));
            }
        }
        assertThat(worst).isLessThanOrEqualTo(tolerance);
    }

    static Stream<Arguments> byteRoundTrip() {
        return Stream.of(
                Arguments.of(LabVariant.EXACT, 0),
                Arguments.of(LabVariant.SKIMAGE, 0),
                Arguments.of(LabVariant.OPENCV, 1));
    }

    /**
     * 8-bit colours survive rgb → float32 Lab → rgb: unchanged for EXACT and SKIMAGE (checked on all
     * 2^24 colours when this was written; here on a seeded quarter million), within one unit for
     * OPENCV (1.9 % of all colours move by one).
     */
    @ParameterizedTest
    @MethodSource("byteRoundTrip")
    void eightBitRoundTrip(LabVariant variant, int maxUnits) {
        LabConverter c = Lab.converter(variant);
        SplittableRandom rnd = new SplittableRandom(variant.ordinal() + 7L);
        int n = 1 << 18;
        int[] rgb = new int[n];
        for (int i = 0; i < n; i++) {
            rgb[i] = rnd.nextInt(1 << 24);
        }
        float[] l = new float[n];
        float[] a = new float[n];
        float[] b = new float[n];
        c.rgbToLab(rgb, l, a, b);
        int[] back = c.labToRgb(l, a, b);
        int worst = 0;
        for (int i = 0; i < n; i++) {
            for (int s = 0; s <= 16; s += 8) {
                int d = Math.abs(((back[i] >> s) & 255) - ((rgb[i] >> s) & 255));
                worst = Math.max(worst, d);
                if (d > maxUnits) {
                    assertThat(d)
                            .as("colour %06x came back as %06x", rgb[i], back[i])
                            .isLessThanOrEqualTo(maxUnits);
                }
            }
        }
        assertThat(worst).isLessThanOrEqualTo(maxUnits);
    }

    /** EXACT: every gray has a = b = 0 exactly and comes back bit for bit. */
    @Test
    void exactKeepsGraysNeutral() {
        LabConverter c = Lab.converter(LabVariant.EXACT);
        int[] gray = grays();
        float[] l = new float[256];
        float[] a = new float[256];
        float[] b = new float[256];
        c.rgbToLab(gray, l, a, b);
        assertThat(a).containsOnly(0f);
        assertThat(b).containsOnly(0f);
        assertThat(c.labToRgb(l, new float[256], new float[256])).containsExactly(gray);
        SplittableRandom rnd = new SplittableRandom(5);
        int nonNeutral = 0;
        for (int i = 0; i < SAMPLES; i++) {
            double v = rnd.nextDouble();
            double[] lab = c.rgbToLab(v, v, v);
            double[] rgb = c.labToRgb(rnd.nextDouble() * 100, 0, 0);
            if (lab[1] != 0 || lab[2] != 0 || rgb[0] != rgb[1] || rgb[1] != rgb[2]) {
                nonNeutral++;
            }
        }
        assertThat(nonNeutral).isZero();
    }

    /**
     * SKIMAGE and OPENCV only approximately keep grays neutral (scikit-image's white point is not the
     * matrix's row sums; OpenCV interpolates between non-gray table corners), but all 256 8-bit grays
     * still come back unchanged from (L, 0, 0).
     */
    @ParameterizedTest
    @EnumSource(
            value = LabVariant.class,
            names = {"SKIMAGE", "OPENCV"})
    void referenceVariantsKeepGraysNearlyNeutral(LabVariant variant) {
        LabConverter c = Lab.converter(variant);
        int[] gray = grays();
        float[] l = new float[256];
        float[] a = new float[256];
        float[] b = new float[256];
        c.rgbToLab(gray, l, a, b);
        double bound = variant == LabVariant.SKIMAGE ? 0.005 : 0.13;
        for (int i = 0; i < 256; i++) {
            assertThat(Math.abs(a[i])).as("gray %d a", i).isLessThanOrEqualTo((float) bound);
            assertThat(Math.abs(b[i])).as("gray %d b", i).isLessThanOrEqualTo((float) bound);
        }
        assertThat(c.labToRgb(l, new float[256], new float[256])).containsExactly(gray);
    }

    @ParameterizedTest
    @EnumSource(LabVariant.class)
    void labIsMonotonicInGrayLevel(LabVariant variant) {
        LabConverter c = Lab.converter(variant);
        float[] l = new float[256];
        c.rgbToLab(grays(), l, new float[256], new float[256]);
        assertThat(l[0]).isZero();
        assertThat(l[255]).isCloseTo(100f, org.assertj.core.api.Assertions.within(1e-4f));
        for (int i = 1; i < 256; i++) {
            assertThat(l[i]).as("L of gray %d", i).isGreaterThan(l[i - 1]);
        }
    }

    private static int[] grays() {
        int[] g = new int[256];
        for (int i = 0; i < 256; i++) {
            g[i] = i * 0x010101;
        }
        return g;
    }
}
