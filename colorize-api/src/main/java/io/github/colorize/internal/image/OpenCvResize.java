package io.github.colorize.internal.image;

/**
 * OpenCV 4.6's {@code cv2.resize(..., interpolation=INTER_LINEAR)} (the default), reproduced for
 * float32 planes and 8-bit RGB (OpenCV {@code modules/imgproc/src/resize.cpp}): half-pixel centres, no antialiasing,
 * horizontal taps clamped at the borders, vertical taps clamped by row index (so a border row blends
 * with itself), and for 8-bit images 11-bit fixed-point weights with the x86 SIMD kernel's
 * rounding of the vertical pass. An exact 2× reduction of a float plane takes OpenCV's INTER_AREA
 * route, as OpenCV itself does. Bit-exact with OpenCV 4.6 on x86-64 (the Debian build); OpenCV
 * builds for other CPUs may differ by one unit in 8-bit results.
 *
 * <p>Stateless and thread-safe; inputs are not modified, results are new arrays.
 */
public final class OpenCvResize {

    private static final int COEF_BITS = 11;
    private static final int COEF_SCALE = 1 << COEF_BITS;

    private OpenCvResize() {}

    /**
     * Resizes a float32 plane.
     *
     * @param plane row-major values, {@code w·h} long
     * @param w source width
     * @param h source height
     * @param nw target width, at least 1
     * @param nh target height, at least 1
     * @return a new {@code nw·nh} plane
     */
    public static float[] linear(float[] plane, int w, int h, int nw, int nh) {
        PillowResample.checkSizes(plane.length, w, h, nw, nh);
        if (w == nw && h == nh) {
            return plane.clone();
        }
        if (w == 2 * nw && h == 2 * nh) {
            return halve(plane, w, nw, nh);
        }
        Taps tx = taps(w, nw, true);
        Taps ty = taps(h, nh, false);
        float[] out = new float[nw * nh];
        float[] row0 = new float[nw];
        float[] row1 = new float[nw];
        for (int dy = 0; dy < nh; dy++) {
            horizontal(plane, w, ty.i0[dy], tx, row0);
            horizontal(plane, w, ty.i1[dy], tx, row1);
            float b0 = ty.w0[dy];
            float b1 = ty.w1[dy];
            int o = dy * nw;
            for (int x = 0; x < nw; x++) {
                out[o + x] = row0[x] * b0 + row1[x] * b1;
            }
        }
        return out;
    }

    /**
     * OpenCV routes an exact 2× reduction to its INTER_AREA fast path: the mean of each 2×2 block.
     * Its SIMD loop, which covers the first {@code 4·floor(nw/4)} outputs of a row, adds the two
     * row pairs first; the scalar loop for the rest adds left to right. Both orders are kept because
     * they round differently.
     */
    private static float[] halve(float[] plane, int w, int nw, int nh) {
        float[] out = new float[nw * nh];
        int simd = nw & ~3;
        for (int y = 0; y < nh; y++) {
            int r0 = 2 * y * w;
            int r1 = r0 + w;
            int o = y * nw;
            for (int x = 0; x < nw; x++) {
                float a = plane[r0 + 2 * x];
                float b = plane[r0 + 2 * x + 1];
                float c = plane[r1 + 2 * x];
                float d = plane[r1 + 2 * x + 1];
                out[o + x] = (x < simd ? (a + b) + (c + d) : ((a + b) + c) + d) * 0.25f;
            }
        }
        return out;
    }

    private static void horizontal(float[] plane, int w, int y, Taps tx, float[] row) {
        int base = y * w;
        for (int x = 0; x < row.length; x++) {
            row[x] = plane[base + tx.i0[x]] * tx.w0[x] + plane[base + tx.i1[x]] * tx.w1[x];
        }
    }

    /**
     * Resizes 8-bit RGB pixels with OpenCV's fixed-point bilinear kernel.
     *
     * @param rgb packed {@code 0xRRGGBB}, row-major, {@code w·h} long
     * @param w source width
     * @param h source height
     * @param nw target width, at least 1
     * @param nh target height, at least 1
     * @return a new {@code nw·nh} array
     */
    public static int[] linearRgb8(int[] rgb, int w, int h, int nw, int nh) {
        PillowResample.checkSizes(rgb.length, w, h, nw, nh);
        if (w == nw && h == nh) {
            return rgb.clone();
        }
        Taps tx = taps(w, nw, true);
        Taps ty = taps(h, nh, false);
        int[] ax0 = fixed(tx.w0);
        int[] ax1 = fixed(tx.w1);
        int[] by0 = fixed(ty.w0);
        int[] by1 = fixed(ty.w1);
        int[] out = new int[nw * nh];
        int[] h0 = new int[nw * 3];
        int[] h1 = new int[nw * 3];
        for (int dy = 0; dy < nh; dy++) {
            horizontal8(rgb, w, ty.i0[dy], tx, ax0, ax1, h0);
            horizontal8(rgb, w, ty.i1[dy], tx, ax0, ax1, h1);
            int b0 = by0[dy];
            int b1 = by1[dy];
            int o = dy * nw;
            for (int x = 0; x < nw; x++) {
                int r = vertical8(h0[3 * x], h1[3 * x], b0, b1);
                int g = vertical8(h0[3 * x + 1], h1[3 * x + 1], b0, b1);
                int b = vertical8(h0[3 * x + 2], h1[3 * x + 2], b0, b1);
                out[o + x] = r << 16 | g << 8 | b;
            }
        }
        return out;
    }

    private static void horizontal8(int[] rgb, int w, int y, Taps tx, int[] a0, int[] a1, int[] row) {
        int base = y * w;
        for (int x = 0; x < tx.i0.length; x++) {
            int p = rgb[base + tx.i0[x]];
            int q = rgb[base + tx.i1[x]];
            row[3 * x] = ((p >> 16) & 0xFF) * a0[x] + ((q >> 16) & 0xFF) * a1[x];
            row[3 * x + 1] = ((p >> 8) & 0xFF) * a0[x] + ((q >> 8) & 0xFF) * a1[x];
            row[3 * x + 2] = (p & 0xFF) * a0[x] + (q & 0xFF) * a1[x];
        }
    }

    /** The x86 SIMD vertical pass: pre-shifted rows, 16-bit high multiplies, final rounding by 4. */
    static int vertical8(int h0, int h1, int b0, int b1) {
        int v = ((((h0 >> 4) * b0) >> 16) + (((h1 >> 4) * b1) >> 16) + 2) >> 2;
        return v < 0 ? 0 : Math.min(v, 255);
    }

    private static int[] fixed(float[] w) {
        int[] out = new int[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = (int) Math.rint(w[i] * COEF_SCALE);
        }
        return out;
    }

    /** Source indices and float32 weights of one axis. */
    private record Taps(int[] i0, int[] i1, float[] w0, float[] w1) {}

    private static Taps taps(int in, int out, boolean horizontal) {
        double scale = 1.0 / ((double) out / in);
        int[] i0 = new int[out];
        int[] i1 = new int[out];
        float[] w0 = new float[out];
        float[] w1 = new float[out];
        for (int d = 0; d < out; d++) {
            float f = (float) ((d + 0.5) * scale - 0.5);
            int s = (int) Math.floor(f);
            float t = f - s;
            if (horizontal) {
                // OpenCV pins the horizontal taps inside the row and drops the blend at the edges.
                if (s < 0) {
                    s = 0;
                    t = 0;
                }
                if (s >= in - 1) {
                    s = in - 1;
                    t = 0;
                }
                i0[d] = s;
                i1[d] = Math.min(s + 1, in - 1);
            } else {
                i0[d] = clamp(s, in);
                i1[d] = clamp(s + 1, in);
            }
            w0[d] = 1.0f - t;
            w1[d] = t;
        }
        return new Taps(i0, i1, w0, w1);
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : Math.min(i, n - 1);
    }
}
