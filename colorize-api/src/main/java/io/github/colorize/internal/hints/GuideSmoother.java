package io.github.colorize.internal.hints;

import io.github.colorize.internal.color.ParallelLoops;

/**
 * Two passes of a separable box blur (close to a Gaussian): the guide the domain transform measures
 * edges on, rid of grain. Stateless; thread-safe.
 */
final class GuideSmoother {

    private GuideSmoother() {}

    /**
     * @param src plane, {@code w·h} (not modified)
     * @param w width
     * @param h height
     * @param r box radius; 0 returns the source itself
     * @return the smoothed plane
     */
    static float[] smooth(float[] src, int w, int h, int r) {
        if (r <= 0) {
            return src;
        }
        float[] a = src.clone();
        float[] tmp = new float[w * h];
        for (int pass = 0; pass < 2; pass++) {
            ParallelLoops.forRange(h, w, (y0, y1) -> {
                for (int y = y0; y < y1; y++) {
                    boxLine(a, tmp, y * w, 1, w, r);
                }
            });
            ParallelLoops.forRange(w, h, (x0, x1) -> {
                for (int x = x0; x < x1; x++) {
                    boxLine(tmp, a, x, w, h, r);
                }
            });
        }
        return a;
    }

    /** A running-sum box mean along one line; the window is cut at the ends. */
    private static void boxLine(float[] in, float[] out, int start, int stride, int n, int r) {
        double sum = 0;
        int count = 0;
        for (int k = 0; k < Math.min(r, n); k++) {
            sum += in[start + k * stride];
            count++;
        }
        for (int i = 0; i < n; i++) {
            int add = i + r;
            if (add < n) {
                sum += in[start + add * stride];
                count++;
            }
            int drop = i - r - 1;
            if (drop >= 0) {
                sum -= in[start + drop * stride];
                count--;
            }
            out[start + i * stride] = (float) (sum / count);
        }
    }
}
