package io.github.colorize.internal.image;

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

    static int[] horizontalRgb(int[] src, int w, int h, Coefficients c) {
        int nw = c.start().length;
        int[] out = new int[nw * h];
        int[] k = c.k();
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int xx = 0; xx < nw; xx++) {
                int s = row + c.start()[xx];
                int n = c.count()[xx];
                int ko = xx * c.ksize();
                int sr = HALF, sg = HALF, sb = HALF;
                for (int x = 0; x < n; x++) {
                    int p = src[s + x];
                    int kv = k[ko + x];
                    sr += ((p >> 16) & 0xFF) * kv;
                    sg += ((p >> 8) & 0xFF) * kv;
                    sb += (p & 0xFF) * kv;
                }
                out[y * nw + xx] = clip8(sr) << 16 | clip8(sg) << 8 | clip8(sb);
            }
        }
        return out;
    }

    static int[] verticalRgb(int[] src, int w, int h, Coefficients c) {
        int nh = c.start().length;
        int[] out = new int[w * nh];
        int[] k = c.k();
        for (int yy = 0; yy < nh; yy++) {
            int s = c.start()[yy];
            int n = c.count()[yy];
            int ko = yy * c.ksize();
            for (int x = 0; x < w; x++) {
                int sr = HALF, sg = HALF, sb = HALF;
                for (int y = 0; y < n; y++) {
                    int p = src[(s + y) * w + x];
                    int kv = k[ko + y];
                    sr += ((p >> 16) & 0xFF) * kv;
                    sg += ((p >> 8) & 0xFF) * kv;
                    sb += (p & 0xFF) * kv;
                }
                out[yy * w + x] = clip8(sr) << 16 | clip8(sg) << 8 | clip8(sb);
            }
        }
        return out;
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
