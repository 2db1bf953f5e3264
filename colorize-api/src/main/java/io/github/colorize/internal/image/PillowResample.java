package io.github.colorize.internal.image;

import io.github.colorize.internal.color.ParallelLoops;

/**
 * Pillow's {@code Image.resize} with {@code BILINEAR} or {@code BICUBIC} on 8-bit images,
 * reproduced bit for bit (Pillow {@code src/libImaging/Resample.c}): a separable convolution whose kernel widens
 * with the scale factor when shrinking (so it antialiases, unlike textbook bilinear), with
 * coefficients in 22-bit fixed point, horizontal pass first into a clamped 8-bit intermediate, and a
 * pass skipped when its axis keeps its size.
 *
 * <p>Stateless and thread-safe; inputs are not modified, results are new arrays.
 */
public final class PillowResample {

    /** Pillow's resampling filters supported here. */
    public enum Filter {
        /** Triangle kernel, support 1 (Pillow {@code Image.BILINEAR}, value 2). */
        BILINEAR,
        /** Keys cubic with a = −0.5, support 2 (Pillow {@code Image.BICUBIC}, value 3). */
        BICUBIC
    }

    private PillowResample() {}

    /**
     * Resizes packed RGB pixels.
     *
     * @param rgb packed {@code 0xRRGGBB}, row-major, {@code w·h} long
     * @param w source width
     * @param h source height
     * @param nw target width, at least 1
     * @param nh target height, at least 1
     * @param f the filter
     * @return a new {@code nw·nh} array
     */
    public static int[] resizeRgb(int[] rgb, int w, int h, int nw, int nh, Filter f) {
        checkSizes(rgb.length, w, h, nw, nh);
        int[] cur = rgb;
        int cw = w;
        if (nw != w) {
            cur = ResampleKernels.horizontalRgb(cur, cw, h, ResampleKernels.coefficients(w, nw, f));
            cw = nw;
        }
        if (nh != h) {
            cur = ResampleKernels.verticalRgb(cur, cw, h, ResampleKernels.coefficients(h, nh, f));
        }
        return cur == rgb ? rgb.clone() : cur;
    }

    /** Receives output rows of {@link #resizeRgbRows}. */
    @FunctionalInterface
    public interface RowSink {
        /**
         * Takes one output row.
         *
         * @param y the row's index in the output
         * @param row its packed pixels; valid only during the call
         */
        void row(int y, int[] row);
    }

    /**
     * Resizes packed RGB pixels like {@link #resizeRgb}, bit for bit, but hands each output row to
     * {@code sink} as it is made instead of building the whole output: for a consumer that only
     * combines each row with something else (DeOldify's colour with the original), this saves a
     * full-size array and a pass over it. Rows are made in parallel bands on the common pool, so the
     * sink is called from several threads at once, each row exactly once, in no particular order.
     *
     * @param rgb packed {@code 0xRRGGBB}, row-major, {@code w·h} long
     * @param w source width
     * @param h source height
     * @param nw target width, at least 1
     * @param nh target height, at least 1
     * @param f the filter
     * @param sink receives the rows; must be thread-safe for distinct rows
     */
    public static void resizeRgbRows(int[] rgb, int w, int h, int nw, int nh, Filter f, RowSink sink) {
        checkSizes(rgb.length, w, h, nw, nh);
        int[] across = nw == w ? rgb : ResampleKernels.horizontalRgb(rgb, w, h, ResampleKernels.coefficients(w, nw, f));
        ResampleKernels.Coefficients down = nh == h ? null : ResampleKernels.coefficients(h, nh, f);
        long work = nw; // per row; chunks of about 16 rows amortise the row buffers
        ParallelLoops.forRange(nh, work, (y0, y1) -> {
            int[] row = new int[nw];
            ResampleKernels.VerticalRows vertical =
                    down == null ? null : new ResampleKernels.VerticalRows(across, nw, down);
            for (int y = y0; y < y1; y++) {
                if (vertical == null) {
                    System.arraycopy(across, y * nw, row, 0, nw);
                } else {
                    vertical.row(y, row, 0);
                }
                sink.row(y, row);
            }
        });
    }

    /**
     * Resizes an 8-bit gray plane (Pillow mode {@code L}).
     *
     * @param g unsigned gray bytes, row-major, {@code w·h} long
     * @param w source width
     * @param h source height
     * @param nw target width, at least 1
     * @param nh target height, at least 1
     * @param f the filter
     * @return a new {@code nw·nh} array
     */
    public static byte[] resizeGray(byte[] g, int w, int h, int nw, int nh, Filter f) {
        checkSizes(g.length, w, h, nw, nh);
        byte[] cur = g;
        int cw = w;
        if (nw != w) {
            cur = ResampleKernels.horizontalGray(cur, cw, h, ResampleKernels.coefficients(w, nw, f));
            cw = nw;
        }
        if (nh != h) {
            cur = ResampleKernels.verticalGray(cur, cw, h, ResampleKernels.coefficients(h, nh, f));
        }
        return cur == g ? g.clone() : cur;
    }

    static void checkSizes(int length, int w, int h, int nw, int nh) {
        if (w <= 0 || h <= 0 || nw <= 0 || nh <= 0) {
            throw new IllegalArgumentException("sizes must be positive: " + w + "x" + h + " -> " + nw + "x" + nh);
        }
        if ((long) w * h != length) {
            throw new IllegalArgumentException("need " + w + "x" + h + " values, got " + length);
        }
    }
}
