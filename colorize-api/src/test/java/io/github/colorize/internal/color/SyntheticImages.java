package io.github.colorize.internal.color;

/**
 * Deterministic test patterns, computed by the same formulas as {@code tools/golden/make_golden.py}
 * (so fixtures store outputs only). Stateless and thread-safe; every call returns a new array.
 */
public final class SyntheticImages {

    /** The resize cases of the golden script: {w, h, nw, nh}. */
    public static final int[][] RESIZE_CASES = {
        {37, 23, 16, 11}, {37, 23, 80, 50}, {37, 23, 5, 3}, {37, 23, 37, 9}, {37, 23, 81, 23}, {37, 23, 1, 1},
        {37, 23, 59, 17}, {37, 23, 200, 2}, {301, 211, 56, 56}, {38, 24, 19, 12}, {40, 30, 13, 10}, {7, 5, 64, 48}
    };

    private SyntheticImages() {}

    /** Sharp-edged 8-bit RGB pattern, packed {@code 0xRRGGBB}. */
    public static int[] rgb(int w, int h) {
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = 0;
                for (int c = 0; c < 3; c++) {
                    long v = ((long) x * 37 + (long) y * 91 + c * 53L) ^ ((long) x * y * 7 + c);
                    p = p << 8 | (int) (v & 255);
                }
                out[y * w + x] = p;
            }
        }
        return out;
    }

    /** 8-bit gray pattern. */
    public static byte[] gray(int w, int h) {
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (byte) (((x * 29L + y * 67L) ^ ((long) x * y * 5)) & 255);
            }
        }
        return out;
    }

    /** float32 plane, values in [−3, 11.5). */
    public static float[] plane(int w, int h) {
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                long k = (x * 37L + y * 91L + ((long) x * y) % 13) % 101;
                out[y * w + x] = (float) (k / 7.0 - 3.0);
            }
        }
        return out;
    }

    /** Chroma plane a (Lab units). */
    public static float[] a(int w, int h) {
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (float) (((x * 41L + y * 23L) % 97) * 2.0 - 96.0);
            }
        }
        return out;
    }

    /** Chroma plane b (Lab units). */
    public static float[] b(int w, int h) {
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (float) (((x * 17L + y * 59L + 11) % 89) * 2.25 - 99.0);
            }
        }
        return out;
    }

    /** Mirrors each row left to right (numpy {@code [:, ::-1]}). */
    public static int[] mirror(int[] rgb, int w, int h) {
        int[] out = new int[rgb.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = rgb[y * w + (w - 1 - x)];
            }
        }
        return out;
    }
}
