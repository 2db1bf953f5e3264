package io.github.colorize.benchmarks;

/**
 * The benchmark picture shared with {@code tools/bench/python_baseline.py}: a 4000×3000 (12 MP)
 * pseudo-random RGB image whose channel c at (x, y) is byte c of the 32-bit hash {@code ((x ·
 * 0x9E3779B1) ^ (y · 0x85EBCA77)) · 0xC2B2AE3D}. Both sides compute it with the same 32-bit
 * arithmetic, so they time identical pixels (the script prints the SHA-256 that {@code
 * BenchmarkImagesTest} checks). Stateless and thread-safe; returns new arrays.
 */
public final class BenchmarkImages {

    /** Width of the benchmark picture. */
    public static final int WIDTH = 4000;

    /** Height of the benchmark picture. */
    public static final int HEIGHT = 3000;

    private BenchmarkImages() {}

    /**
     * Builds the picture.
     *
     * @param w width
     * @param h height
     * @return packed {@code 0xRRGGBB} pixels, row-major
     */
    public static int[] pseudoRandomRgb(int w, int h) {
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            int hy = y * 0x85EBCA77;
            for (int x = 0; x < w; x++) {
                int hash = ((x * 0x9E3779B1) ^ hy) * 0xC2B2AE3D;
                out[y * w + x] = hash & 0xFFFFFF;
            }
        }
        return out;
    }
}
