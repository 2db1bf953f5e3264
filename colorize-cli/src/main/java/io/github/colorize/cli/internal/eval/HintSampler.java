package io.github.colorize.cli.internal.eval;

import io.github.colorize.ColorHints;
import java.util.SplittableRandom;

/**
 * Takes colour hints from a ground-truth photo the way SIGGRAPH17's paper measures "points revealed"
 * (Zhang et al. 2017): points drawn uniformly at random with a fixed seed, each hint the mean colour of
 * the 5×5 patch around it, radius 2. The first {@code n} points of a photo's sequence are the same for
 * every {@code n}, so 10 hints hold the 5 hints' points: the curve over N measures hints added, not a
 * new draw. Stateless; thread-safe.
 */
public final class HintSampler {

    /** The patch's half side, and the hint's radius. */
    static final int RADIUS = 2;

    private HintSampler() {}

    /**
     * Hints from a photo.
     *
     * @param truth the photo, packed {@code 0xRRGGBB}, {@code w·h}
     * @param w width, at least 5
     * @param h height, at least 5
     * @param n how many hints
     * @param seed the photo's seed (for example a hash of its name)
     * @return {@code n} point hints
     */
    public static ColorHints sample(int[] truth, int w, int h, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        ColorHints.Builder b = ColorHints.builder();
        if (w < 2 * RADIUS + 1 || h < 2 * RADIUS + 1) {
            return b.build();
        }
        for (int k = 0; k < n; k++) {
            int cx = RADIUS + rnd.nextInt(w - 2 * RADIUS);
            int cy = RADIUS + rnd.nextInt(h - 2 * RADIUS);
            b.point(cx, cy, RADIUS, patchMean(truth, w, cx, cy));
        }
        return b.build();
    }

    private static int patchMean(int[] rgb, int w, int cx, int cy) {
        int r = 0;
        int g = 0;
        int bl = 0;
        int count = 0;
        for (int y = cy - RADIUS; y <= cy + RADIUS; y++) {
            for (int x = cx - RADIUS; x <= cx + RADIUS; x++) {
                int p = rgb[y * w + x];
                r += (p >> 16) & 0xFF;
                g += (p >> 8) & 0xFF;
                bl += p & 0xFF;
                count++;
            }
        }
        return Math.round((float) r / count) << 16
                | Math.round((float) g / count) << 8
                | Math.round((float) bl / count);
    }
}
