package io.github.colorize.internal.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.internal.render.AutoRenderFactor.Choice;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AutoRenderFactorTest {

    private static final int DEFAULT = 35;

    @Test
    void sharpLargePhotoGetsTheCardDefault() {
        Choice c = AutoRenderFactor.choose(SyntheticPhotos.sharp(1600, 1200, 1), 1600, 1200, DEFAULT);
        assertThat(c.factor()).as(c.reason()).isEqualTo(DEFAULT);
        assertThat(c.effectiveShortSide()).isEqualTo(1200);
        assertThat(c.noiseSigma()).isLessThan(1.0);
    }

    @Test
    void autoNeverExceedsTheCardDefault() {
        Choice c = AutoRenderFactor.choose(SyntheticPhotos.sharp(1600, 1200, 2), 1600, 1200, 21);
        assertThat(c.factor()).isEqualTo(21);
        assertThat(AutoRenderFactor.choose(SyntheticPhotos.sharp(1600, 1200, 2), 1600, 1200, 45)
                        .factor())
                .isEqualTo(45);
    }

    @Test
    void smallPhotoIsCappedByItsShortSide() {
        Choice c = AutoRenderFactor.choose(SyntheticPhotos.sharp(320, 240, 3), 320, 240, DEFAULT);
        assertThat(c.factor()).as(c.reason()).isEqualTo(240 / 16);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 8})
    void enlargedSmallScanIsJudgedByItsRealDetail(int enlargement) {
        int w = 1600 / enlargement;
        int h = 1200 / enlargement;
        int[] big = SyntheticPhotos.enlarge(SyntheticPhotos.sharp(w, h, 4), w, h, 1600, 1200);

        Choice c = AutoRenderFactor.choose(big, 1600, 1200, DEFAULT);

        // The detail is that of the small original, give or take one halving.
        assertThat(c.factor()).as(c.reason()).isLessThan(DEFAULT).isLessThanOrEqualTo(Math.max(7, 2 * h / 16));
        assertThat(c.effectiveShortSide()).isLessThanOrEqualTo(2 * h);
    }

    @Test
    void edgeWidthGrowsWithTheRampWidth() {
        double previous = 0;
        for (int ramp : new int[] {1, 2, 4, 8}) {
            int w = 800 / ramp;
            int h = 600 / ramp;
            int[] px = ramp == 1
                    ? SyntheticPhotos.sharp(800, 600, 6)
                    : SyntheticPhotos.enlarge(SyntheticPhotos.sharp(w, h, 6), w, h, 800, 600);
            double width =
                    AutoRenderFactor.edgeWidth(AutoRenderFactor.analysisLuma(px, 800, 600, 1, 800, 600), 800, 600, 2);
            assertThat(width).as("ramp %d", ramp).isGreaterThan(previous);
            previous = width;
        }
        assertThat(AutoRenderFactor.edgeWidth(new float[100 * 100], 100, 100, 2))
                .isZero();
    }

    @Test
    void grainyScanGetsALowerFactor() {
        int[] clean = SyntheticPhotos.sharp(1600, 1200, 5);
        Choice c = AutoRenderFactor.choose(SyntheticPhotos.grain(clean, 12, 5), 1600, 1200, DEFAULT);
        // Analysis halves the photo (box 2x2), so the grain it sees is about 12 / 2 = 6 gray levels.
        assertThat(c.noiseSigma()).as(c.reason()).isBetween(5.0, 7.0);
        assertThat(c.factor()).isBetween(DEFAULT - 8, DEFAULT - 5);
    }

    @ParameterizedTest
    @ValueSource(doubles = {2, 5, 10, 20})
    void noiseEstimateMatchesTheGrainOnAFlatImage(double sigma) {
        int[] px = SyntheticPhotos.grain(SyntheticPhotos.flat(600, 400, 128), sigma, 9);
        double est = AutoRenderFactor.noiseSigma(AutoRenderFactor.analysisLuma(px, 600, 400, 1, 600, 400), 600, 400);
        assertThat(est).isCloseTo(sigma, org.assertj.core.data.Percentage.withPercentage(15));
    }

    static Stream<Arguments> photos() {
        Random r = new Random(42);
        return IntStream.range(0, 8)
                .mapToObj(i -> Arguments.of(200 + r.nextInt(1400), 200 + r.nextInt(1400), r.nextLong()));
    }

    @ParameterizedTest
    @MethodSource("photos")
    void grainNeverRaisesTheFactor(int w, int h, long seed) {
        int[] clean = SyntheticPhotos.sharp(w, h, seed);
        int base = AutoRenderFactor.choose(clean, w, h, DEFAULT).factor();
        int grainy = AutoRenderFactor.choose(SyntheticPhotos.grain(clean, 8, seed), w, h, DEFAULT)
                .factor();
        assertThat(grainy).isLessThanOrEqualTo(base);
    }

    @ParameterizedTest
    @MethodSource("photos")
    void lessRealDetailNeverRaisesTheFactor(int w, int h, long seed) {
        int[] sharp = SyntheticPhotos.sharp(w, h, seed);
        int[] soft = SyntheticPhotos.enlarge(SyntheticPhotos.sharp(w / 4, h / 4, seed), w / 4, h / 4, w, h);
        assertThat(AutoRenderFactor.choose(soft, w, h, DEFAULT).factor())
                .isLessThanOrEqualTo(
                        AutoRenderFactor.choose(sharp, w, h, DEFAULT).factor());
    }

    @ParameterizedTest
    @MethodSource("photos")
    void alwaysAValidFactorAndDeterministic(int w, int h, long seed) {
        int[] px = SyntheticPhotos.grain(SyntheticPhotos.sharp(w, h, seed), seed % 20, seed);
        Choice a = AutoRenderFactor.choose(px, w, h, DEFAULT);
        assertThat(a.factor()).isBetween(7, DEFAULT);
        assertThat(AutoRenderFactor.choose(px, w, h, DEFAULT)).isEqualTo(a);
    }

    @Test
    void tinyImagesGetTheSmallestFactor() {
        assertThat(AutoRenderFactor.choose(new int[] {0x808080}, 1, 1, DEFAULT).factor())
                .isEqualTo(7);
        assertThat(AutoRenderFactor.choose(SyntheticPhotos.sharp(7, 5, 1), 7, 5, DEFAULT)
                        .factor())
                .isEqualTo(7);
        assertThat(AutoRenderFactor.choose(SyntheticPhotos.sharp(3000, 2, 1), 3000, 2, DEFAULT)
                        .factor())
                .isEqualTo(7);
    }

    @Test
    void mismatchedArraysAreRejected() {
        assertThatThrownBy(() -> AutoRenderFactor.choose(new int[3], 2, 2, DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
