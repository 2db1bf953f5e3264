package io.github.colorize.internal.color;

import java.util.function.DoubleUnaryOperator;

/**
 * Maps linear light straight to the 8-bit sRGB code {@code RNE(255·clip(encode(lin)))} without
 * evaluating {@code pow}: the 255 linear values where the code steps up are found once, by bisection
 * on the encoding itself, and a cell index fine enough that no cell holds two steps narrows each
 * lookup to exactly one comparison, without branches (the whole-run benchmark's profile had the
 * earlier loop of data-dependent comparisons as the single hottest method of post-processing: three
 * lookups per pixel, 36 million for a 12-megapixel photo).
 *
 * <p>Exactly equal to evaluating the encoding and rounding, for every double: the encoding is
 * non-decreasing in floating point ({@code Math.pow} is semi-monotonic, and rounded additions and
 * multiplications by positive constants keep order), so the code is a step function of {@code lin}
 * and the thresholds are its steps. Immutable and thread-safe.
 */
final class SrgbQuantizer {

    /**
     * Cells of the index over [0, 1]. The densest steps are in the linear segment near black, 12.92 ·
     * 255 codes per unit of linear light, 1/3295 apart: wider than a cell, so no cell holds two (the
     * constructor checks it).
     */
    private static final int CELLS = 4096;

    /**
     * thresholds[k] = smallest lin whose code is ≥ k; [0] = −∞, and [256] NaN, which no value reaches
     * (not even +∞, which would with +∞ there).
     */
    private final double[] thresholds = new double[257];

    /** Code at the left edge {@code c / CELLS} of each cell, plus one sentinel cell. */
    private final byte[] cellStart = new byte[CELLS + 1];

    private final DoubleUnaryOperator encode;

    SrgbQuantizer(DoubleUnaryOperator encode) {
        this.encode = encode;
        thresholds[0] = Double.NEGATIVE_INFINITY;
        thresholds[256] = Double.NaN;
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
            if (c > 0 && code - (cellStart[c - 1] & 0xFF) > 1) {
                // a threshold strictly inside a cell is counted at the next edge; two would break code()
                throw new IllegalStateException("two sRGB code steps in cell " + (c - 1) + "; use more cells");
            }
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
        // (int) of NaN is 0, of ±∞ and huge values the int extremes: all clamped onto the table.
        int cell = Math.max(0, Math.min(CELLS, (int) (lin * CELLS)));
        int code = cellStart[cell] & 0xFF;
        // lin * CELLS is exact (a power of two), so lin lies in its cell, whose one step, if any, is next.
        return code + (lin >= thresholds[code + 1] ? 1 : 0);
    }

    /** @return the threshold where the code becomes {@code k}, 1 ≤ k ≤ 255 (for tests) */
    double threshold(int k) {
        return thresholds[k];
    }
}
