package io.github.colorize.internal.image;

import io.github.colorize.internal.color.ParallelLoops;
import io.github.colorize.internal.image.PillowResample.Filter;

/**
 * The two passes of Pillow's 8-bit resampler and its coefficient tables ({@code precompute_coeffs}
 * and {@code normalize_coeffs_8bpc} of Pillow's {@code Resample.c}). Stateless and thread-safe.
 */
final class ResampleKernels {

    static final int PRECISION_BITS = 32 - 8 - 2;
    private static final int HALF = 1 << (PRECISION_BITS - 1);

    private ResampleKernels() {}

    /**
     * Fixed-point taps of one axis: for output i, {@code count[i]} taps starting at source index
     * {@code start[i]}, weights {@code k[i·ksize ...]}.
     */
    record Coefficients(int[] start, int[] count, int[] k, int ksize) {}

    static Coefficients coefficients(int inSize, int outSize, Filter filter) {
        double support0 = filter == Filter.BILINEAR ? 1.0 : 2.0;
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = support0 * filterScale;
        int ksize = (int) Math.ceil(support) * 2 + 1;
        int[] start = new int[outSize];
        int[] count = new int[outSize];
        int[] k = new int[outSize * ksize];
        double[] w = new double[ksize];
        double ss = 1.0 / filterScale;
        for (int xx = 0; xx < outSize; xx++) {
            double center = (xx + 0.5) * scale;
            // Pillow truncates toward zero after adding 0.5 ("round the value").
            int xmin = (int) (center - support + 0.5);
            if (xmin < 0) {
                xmin = 0;
            }
            int xmax = (int) (center + support + 0.5);
            if (xmax > inSize) {
                xmax = inSize;
            }
            xmax -= xmin;
            double ww = 0.0;
            for (int x = 0; x < xmax; x++) {
                double v = kernel(filter, (x + xmin - center + 0.5) * ss);
                w[x] = v;
                ww += v;
            }
            for (int x = 0; x < xmax; x++) {
                double v = ww != 0.0 ? w[x] / ww : w[x];
                // Round half away from zero into 22-bit fixed point.
                k[xx * ksize + x] =
                        v < 0 ? (int) (-0.5 + v * (1 << PRECISION_BITS)) : (int) (0.5 + v * (1 << PRECISION_BITS));
            }
            start[xx] = xmin;
            count[xx] = xmax;
        }
        return new Coefficients(start, count, k, ksize);
    }

    static double kernel(Filter filter, double x) {
        if (x < 0.0) {
            x = -x;
        }
        if (filter == Filter.BILINEAR) {
            return x < 1.0 ? 1.0 - x : 0.0;
        }
        final double a = -0.5;
        if (x < 1.0) {
            return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
        }
        if (x < 2.0) {
            return (((x - 5) * x + 8) * x - 4) * a;
        }
        return 0.0;
    }

    static int clip8(int acc) {
        int v = acc >> PRECISION_BITS;
        return v < 0 ? 0 : Math.min(v, 255);
    }

    /**
     * Horizontal pass over packed RGB, rows split across threads for large images. (Three plain int
     * accumulators measured faster here than packing red and blue into one long.)
     */
    static int[] horizontalRgb(int[] src, int w, int h, Coefficients c) {
        int nw = c.start().length;
        int[] out = new int[nw * h];
        ParallelLoops.forRange(h, (long) nw * c.ksize(), (y0, y1) -> horizontalRgbRows(src, w, c, out, nw, y0, y1));
        return out;
    }

    private static void horizontalRgbRows(int[] src, int w, Coefficients c, int[] out, int nw, int y0, int y1) {
        int[] start = c.start();
        int[] count = c.count();
        int[] k = c.k();
        int ksize = c.ksize();
        for (int y = y0; y < y1; y++) {
            int row = y * w;
            int o = y * nw;
            for (int xx = 0; xx < nw; xx++) {
                int s = row + start[xx];
                int n = count[xx];
                int ko = xx * ksize;
                int r = HALF;
                int g = HALF;
                int b = HALF;
                for (int x = 0; x < n; x++) {
                    int p = src[s + x];
                    int kv = k[ko + x];
                    r += ((p >> 16) & 0xFF) * kv;
                    g += ((p >> 8) & 0xFF) * kv;
                    b += (p & 0xFF) * kv;
                }
                out[o + xx] = clip8(r) << 16 | clip8(g) << 8 | clip8(b);
            }
        }
    }

    /** Vertical pass over packed RGB, rows split across threads for large images ({@link VerticalRows}). */
    static int[] verticalRgb(int[] src, int w, int h, Coefficients c) {
        int nh = c.start().length;
        int[] out = new int[w * nh];
        ParallelLoops.forRange(nh, (long) w * c.ksize(), (y0, y1) -> verticalRgbRows(src, w, c, out, y0, y1));
        return out;
    }

    private static void verticalRgbRows(int[] src, int w, Coefficients c, int[] out, int y0, int y1) {
        VerticalRows rows = new VerticalRows(src, w, c);
        for (int yy = y0; yy < y1; yy++) {
            rows.row(yy, out, yy * w);
        }
    }

    /**
     * The vertical pass one output row at a time, for a caller that consumes each row as it is made
     * instead of keeping the whole output. Holds its accumulators: one instance per thread.
     */
    static final class VerticalRows {
        private final int[] src;
        private final int w;
        private final Coefficients c;
        private final int[] accR;
        private final int[] accG;
        private final int[] accB;

        VerticalRows(int[] src, int w, Coefficients c) {
            this.src = src;
            this.w = w;
            this.c = c;
            this.accR = new int[w];
            this.accG = new int[w];
            this.accB = new int[w];
        }

        /**
         * Output row {@code yy} into {@code out[o .. o+w]}: each tap row is added across the whole row
         * (a loop the JIT can vectorise) into per-channel accumulators; the same sums as Pillow's
         * column-by-column loop, since integer addition is exact in any order.
         */
        void row(int yy, int[] out, int o) {
            java.util.Arrays.fill(accR, HALF);
            java.util.Arrays.fill(accG, HALF);
            java.util.Arrays.fill(accB, HALF);
            int s = c.start()[yy];
            int n = c.count()[yy];
            int ko = yy * c.ksize();
            int[] k = c.k();
            for (int t = 0; t < n; t++) {
                int kv = k[ko + t];
                int row = (s + t) * w;
                for (int x = 0; x < w; x++) {
                    int p = src[row + x];
                    accR[x] += ((p >> 16) & 0xFF) * kv;
                    accG[x] += ((p >> 8) & 0xFF) * kv;
                    accB[x] += (p & 0xFF) * kv;
                }
            }
            for (int x = 0; x < w; x++) {
                out[o + x] = clip8(accR[x]) << 16 | clip8(accG[x]) << 8 | clip8(accB[x]);
            }
        }
    }

    static byte[] horizontalGray(byte[] src, int w, int h, Coefficients c) {
        int nw = c.start().length;
        byte[] out = new byte[nw * h];
        int[] k = c.k();
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int xx = 0; xx < nw; xx++) {
                int s = row + c.start()[xx];
                int n = c.count()[xx];
                int ko = xx * c.ksize();
                int acc = HALF;
                for (int x = 0; x < n; x++) {
                    acc += (src[s + x] & 0xFF) * k[ko + x];
                }
                out[y * nw + xx] = (byte) clip8(acc);
            }
        }
        return out;
    }

    static byte[] verticalGray(byte[] src, int w, int h, Coefficients c) {
        int nh = c.start().length;
        byte[] out = new byte[w * nh];
        int[] k = c.k();
        for (int yy = 0; yy < nh; yy++) {
            int s = c.start()[yy];
            int n = c.count()[yy];
            int ko = yy * c.ksize();
            for (int x = 0; x < w; x++) {
                int acc = HALF;
                for (int y = 0; y < n; y++) {
                    acc += (src[(s + y) * w + x] & 0xFF) * k[ko + y];
                }
                out[yy * w + x] = (byte) clip8(acc);
            }
        }
        return out;
    }
}
