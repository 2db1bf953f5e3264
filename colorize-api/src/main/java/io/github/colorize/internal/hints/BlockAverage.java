package io.github.colorize.internal.hints;

import io.github.colorize.internal.color.ParallelLoops;

/**
 * Shrinks packed pixels by a whole factor, each output pixel the mean of its block (edge blocks
 * partial): the working copy the hint correction is computed on. Stateless; thread-safe.
 */
final class BlockAverage {

    private BlockAverage() {}

    /**
     * @param rgb packed {@code 0xRRGGBB}, {@code w·h}
     * @param w width
     * @param h height
     * @param f block side, at least 1
     * @return packed pixels, {@code ceil(w/f)·ceil(h/f)}
     */
    static int[] of(int[] rgb, int w, int h, int f) {
        int ww = (w + f - 1) / f;
        int wh = (h + f - 1) / f;
        int[] out = new int[ww * wh];
        ParallelLoops.forRange(wh, (long) f * w, (j0, j1) -> {
            int[] sum = new int[ww * 3];
            for (int j = j0; j < j1; j++) {
                java.util.Arrays.fill(sum, 0);
                int yEnd = Math.min(h, (j + 1) * f);
                for (int y = j * f; y < yEnd; y++) {
                    int row = y * w;
                    for (int x = 0; x < w; x++) {
                        int p = rgb[row + x];
                        int s = (x / f) * 3;
                        sum[s] += (p >> 16) & 0xFF;
                        sum[s + 1] += (p >> 8) & 0xFF;
                        sum[s + 2] += p & 0xFF;
                    }
                }
                int rows = yEnd - j * f;
                for (int i = 0; i < ww; i++) {
                    int count = rows * (Math.min(w, (i + 1) * f) - i * f);
                    int half = count / 2;
                    int r = (sum[i * 3] + half) / count;
                    int g = (sum[i * 3 + 1] + half) / count;
                    int b = (sum[i * 3 + 2] + half) / count;
                    out[j * ww + i] = r << 16 | g << 8 | b;
                }
            }
        });
        return out;
    }
}
