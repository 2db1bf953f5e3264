package io.github.colorize.internal.image;

/**
 * PyTorch's {@code F.interpolate} on one float32 plane ({@code aten/src/ATen/native/UpSample.h}): legacy {@code
 * mode='nearest'} (no half-pixel offset) and {@code mode='bilinear', align_corners=False}. Nearest is
 * bit-exact; bilinear matches PyTorch 1.13 to about 5e-7 (PyTorch's operation order differs by a
 * float32 rounding or two).
 *
 * <p>Stateless and thread-safe; inputs are not modified, results are new arrays.
 */
public final class TorchInterpolate {

    private TorchInterpolate() {}

    /**
     * Legacy nearest-neighbour resize.
     *
     * @param plane row-major values, {@code w·h} long
     * @param w source width
     * @param h source height
     * @param nw target width, at least 1
     * @param nh target height, at least 1
     * @return a new {@code nw·nh} plane
     */
    public static float[] nearest(float[] plane, int w, int h, int nw, int nh) {
        PillowResample.checkSizes(plane.length, w, h, nw, nh);
        int[] sx = nearestIndex(w, nw);
        int[] sy = nearestIndex(h, nh);
        float[] out = new float[nw * nh];
        for (int y = 0; y < nh; y++) {
            int src = sy[y] * w;
            int dst = y * nw;
            for (int x = 0; x < nw; x++) {
                out[dst + x] = plane[src + sx[x]];
            }
        }
        return out;
    }

    static int[] nearestIndex(int in, int out) {
        int[] idx = new int[out];
        float scale = (float) in / (float) out;
        for (int d = 0; d < out; d++) {
            if (out == in) {
                idx[d] = d;
            } else if (out == 2 * in) {
                idx[d] = d >> 1;
            } else {
                idx[d] = Math.min((int) Math.floor((float) d * scale), in - 1);
            }
        }
        return idx;
    }

    /**
     * Bilinear resize with {@code align_corners=False} (half-pixel centres, edges clamped).
     *
     * @param plane row-major values, {@code w·h} long
     * @param w source width
     * @param h source height
     * @param nw target width, at least 1
     * @param nh target height, at least 1
     * @return a new {@code nw·nh} plane
     */
    public static float[] bilinear(float[] plane, int w, int h, int nw, int nh) {
        PillowResample.checkSizes(plane.length, w, h, nw, nh);
        Axis ax = axis(w, nw);
        Axis ay = axis(h, nh);
        float[] out = new float[nw * nh];
        for (int y = 0; y < nh; y++) {
            int r0 = ay.i0[y] * w;
            int r1 = ay.i1[y] * w;
            float ly0 = ay.l0[y];
            float ly1 = ay.l1[y];
            int dst = y * nw;
            for (int x = 0; x < nw; x++) {
                int x0 = ax.i0[x];
                int x1 = ax.i1[x];
                float lx0 = ax.l0[x];
                float lx1 = ax.l1[x];
                out[dst + x] = ly0 * (lx0 * plane[r0 + x0] + lx1 * plane[r0 + x1])
                        + ly1 * (lx0 * plane[r1 + x0] + lx1 * plane[r1 + x1]);
            }
        }
        return out;
    }

    /** Per target index: the two source indices and their weights. */
    /**
     * Where each output index falls between two source indices, and their weights.
     *
     * @param i0 the first source index per output index
     * @param i1 the second (equal to the first at the ends)
     * @param l0 the first's weight
     * @param l1 the second's weight
     */
    public record Axis(int[] i0, int[] i1, float[] l0, float[] l1) {}

    /**
     * The horizontal half of {@link #bilinear}: every source row interpolated to {@code nw} columns,
     * {@code lx0·p[x0] + lx1·p[x1]} in float. {@link #bilinear}'s value at (x, y) is exactly
     * {@code ly0·rows[i0(y)][x] + ly1·rows[i1(y)][x]} of these (same float operations, same order), so
     * fused callers can interpolate row by row without a full-size plane.
     */
    static float[] horizontalRows(float[] plane, int w, int h, int nw) {
        Axis ax = axis(w, nw);
        float[] out = new float[nw * h];
        for (int y = 0; y < h; y++) {
            int r = y * w;
            int dst = y * nw;
            for (int x = 0; x < nw; x++) {
                out[dst + x] = ax.l0[x] * plane[r + ax.i0[x]] + ax.l1[x] * plane[r + ax.i1[x]];
            }
        }
        return out;
    }

    /**
     * The half-pixel ({@code align_corners=False}) taps of one axis, as {@link #bilinear} uses them.
     *
     * @param in source length
     * @param out output length
     * @return the taps
     */
    public static Axis axis(int in, int out) {
        int[] i0 = new int[out];
        int[] i1 = new int[out];
        float[] l0 = new float[out];
        float[] l1 = new float[out];
        float scale = (float) in / (float) out;
        for (int d = 0; d < out; d++) {
            if (in == out) {
                i0[d] = d;
                i1[d] = d;
                l0[d] = 1f;
                l1[d] = 0f;
                continue;
            }
            double src = Math.max((d + 0.5) * scale - 0.5, 0.0);
            int s = (int) src;
            i0[d] = s;
            i1[d] = s < in - 1 ? s + 1 : s;
            float lambda1 = (float) (src - s);
            l1[d] = lambda1;
            l0[d] = 1f - lambda1;
        }
        return new Axis(i0, i1, l0, l1);
    }
}
