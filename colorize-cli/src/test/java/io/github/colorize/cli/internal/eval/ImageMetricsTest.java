package io.github.colorize.cli.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.colorize.cli.internal.eval.ImageMetrics.CfVariant;
import java.util.Random;
import java.util.function.IntBinaryOperator;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImageMetricsTest {

    private static final int W = 7;
    private static final int H = 5;

    private static int[] image(IntBinaryOperator r, IntBinaryOperator g, IntBinaryOperator b) {
        int[] px = new int[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                px[y * W + x] =
                        (r.applyAsInt(x, y) % 256) << 16 | (g.applyAsInt(x, y) % 256) << 8 | b.applyAsInt(x, y) % 256;
            }
        }
        return px;
    }

    // The same two images as in the NumPy script that produced the golden values (basicsr PSNR,
    // DDColor calculate_cf, and its signed counterpart): see the test's comments for the numbers.
    private static final int[] A = image((x, y) -> x * 37 + y * 11, (x, y) -> x * 13 + y * 71, (x, y) -> x * x + y * 5);
    private static final int[] B =
            image((x, y) -> x * 29 + y * 3, (x, y) -> x * 17 + y * 61, (x, y) -> x * 7 + y * y * 9);

    @Test
    void matchesNumpyGoldenValues() {
        assertThat(ImageMetrics.psnr(A, B)).isCloseTo(12.552547587149432, within(1e-12));
        assertThat(ImageMetrics.colorfulness(A, CfVariant.ABSOLUTE)).isCloseTo(112.77239300581527, within(1e-11));
        assertThat(ImageMetrics.colorfulness(A, CfVariant.SIGNED)).isCloseTo(139.19255015828972, within(1e-11));
        assertThat(ImageMetrics.colorfulness(B, CfVariant.ABSOLUTE)).isCloseTo(94.58917155647863, within(1e-11));
        assertThat(ImageMetrics.colorfulness(B, CfVariant.SIGNED)).isCloseTo(123.41149744117067, within(1e-11));
    }

    @Test
    void identicalImagesHaveInfinitePsnrAndGrayImagesNoColor() {
        assertThat(ImageMetrics.psnr(A, A.clone())).isInfinite();
        int[] gray = {0x000000, 0x7F7F7F, 0xFFFFFF, 0x101010};
        assertThat(ImageMetrics.colorfulness(gray, CfVariant.ABSOLUTE)).isZero();
        assertThat(ImageMetrics.colorfulness(gray, CfVariant.SIGNED)).isZero();
    }

    @Test
    void aKnownErrorGivesTheTextbookPsnr() {
        // Every channel off by 1: MSE 1, PSNR 20 log10(255) = 48.13 dB.
        int[] ref = {0x101010, 0x202020};
        int[] off = {0x111111, 0x212121};
        assertThat(ImageMetrics.psnr(off, ref)).isCloseTo(20 * Math.log10(255), within(1e-12));
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 50).boxed();
    }

    /** Properties: PSNR is symmetric; CF ignores pixel order; the two variants agree when R ≥ G and ½(R+G) ≥ B. */
    @ParameterizedTest
    @MethodSource("seeds")
    void propertiesHoldForRandomImages(long seed) {
        Random rnd = new Random(seed);
        int n = 1 + rnd.nextInt(500);
        int[] p = new int[n];
        int[] q = new int[n];
        int[] warm = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = rnd.nextInt(1 << 24);
            q[i] = rnd.nextInt(1 << 24);
            int r = rnd.nextInt(256);
            int g = rnd.nextInt(r + 1);
            int b = rnd.nextInt((r + g) / 2 + 1);
            warm[i] = r << 16 | g << 8 | b;
        }
        assertThat(ImageMetrics.psnr(p, q)).isEqualTo(ImageMetrics.psnr(q, p));
        int[] shuffled = p.clone();
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        assertThat(ImageMetrics.colorfulness(shuffled, CfVariant.ABSOLUTE))
                .isCloseTo(ImageMetrics.colorfulness(p, CfVariant.ABSOLUTE), within(1e-9));
        assertThat(ImageMetrics.colorfulness(warm, CfVariant.SIGNED))
                .isCloseTo(ImageMetrics.colorfulness(warm, CfVariant.ABSOLUTE), within(1e-9));
    }
}
