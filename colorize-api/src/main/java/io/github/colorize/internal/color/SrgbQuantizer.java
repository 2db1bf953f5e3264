package io.github.colorize.internal.color;

import java.util.function.DoubleUnaryOperator;

/**
 * Maps linear light straight to the 8-bit sRGB code {@code RNE(255·clip(encode(lin)))} without
 * evaluating {@code pow}: the 255 linear values where the code steps up are found once, by bisection
 * on the encoding itself, and a 4096-cell index narrows each lookup to one or two comparisons.
 *
 * <p>Exactly equal to evaluating the encoding and rounding, for every double: the encoding is
 * non-decreasing in floating point ({@code Math.pow} is semi-monotonic, and rounded additions and
 * multiplications by positive constants keep order), so the code is a step function of {@code lin}
 * and the thresholds are its steps. Immutable and thread-safe.
 */
final class SrgbQuantizer {

    private static final int CELLS = 4096;

    /** thresholds[k] = smallest lin whose code is ≥ k; [0] = −∞, [256] = +∞. */
    private final double[] thresholds = new double[257];

    /** Code at the left edge {@code c / CELLS} of each cell, plus one sentinel cell. */
    private final byte[] cellStart = new byte[CELLS + 1];

    private final DoubleUnaryOperator encode;

    SrgbQuantizer(DoubleUnaryOperator encode) {
        this.encode = encode;
        thresholds[0] = Double.NEGATIVE_INFINITY;
        thresholds[256] = Double.POSITIVE_INFINITY;
        for (int k = 1; k <= 255; k++) {
            thresholds[k] = smallestWithCodeAtLeast(k);
        }
        int code = 0;
        for (int c = 0; c <= CELLS; c++) {
            double edge = (double) c / CELLS;
            while (code < 255 && thresholds[code + 1] <= edge) {
                code++;
            }
            cellStart[c] = (byte) code;
        }
    }

    /** The reference definition: encode, clip to [0,1], round 255·x half to even. */
    int direct(double lin) {
        return Srgb.to8(encode.applyAsDouble(lin));
    }

    /** Bisection over non-negative doubles, whose bit patterns are ordered like their values. */
    private double smallestWithCodeAtLeast(int k) {
        long lo = 0; // code(0) = 0 < k
        long hi = Double.doubleToRawLongBits(1.0); // code(1) = 255 ≥ k
        while (hi - lo > 1) {
            long mid = (lo + hi) >>> 1;
            if (direct(Double.longBitsToDouble(mid)) >= k) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return Double.longBitsToDouble(hi);
    }

    /**
     * The 8-bit code of a linear value.
     *
     * @param lin linear light (any double; NaN and negatives give 0, values past white 255)
     * @return {@code RNE(255·clip(encode(lin), 0, 1))}
     */
    int code(double lin) {
        if (!(lin >= thresholds[1])) {
            return 0;
        }
        if (lin >= thresholds[255]) {
            return 255;
        }
        int code = cellStart[(int) (lin * CELLS)] & 0xFF;
        while (lin >= thresholds[code + 1]) {
            code++;
        }
        return code;
    }

    /** @return the threshold where the code becomes {@code k}, 1 ≤ k ≤ 255 (for tests) */
    double threshold(int k) {
        return thresholds[k];
    }
}
