package io.github.colorize.video.internal.stabilize;

/**
 * Finds cuts between shots from the luma histogram of consecutive frames: the share of pixels that
 * would have to change brightness bin, {@code ½·Σ|h₁ − h₂|} over {@value #BINS} bins, from 0 (same
 * histogram) to 1 (disjoint). A cut is declared when that distance is large on its own, or moderate
 * while motion compensation also fails to match the frames. Not thread-safe: one per stream.
 */
final class SceneCutDetector {

    static final int BINS = 32;

    /** Histogram distance that alone means a new shot. */
    static final double HARD = 0.45;

    /** Histogram distance that means a new shot when the frames also do not match after motion. */
    static final double SOFT = 0.2;

    /** Median motion-compensated luma residual (levels) that means the frames do not match. */
    static final double MISMATCH = 16;

    private double[] previous;

    /**
     * The histogram distance from the previous frame, and remembers this one.
     *
     * @param luma the frame's grid luma
     * @return the distance in [0, 1], or 1 for the first frame
     */
    double distance(float[] luma) {
        double[] h = histogram(luma);
        double d = 1;
        if (previous != null) {
            d = 0;
            for (int i = 0; i < BINS; i++) {
                d += Math.abs(h[i] - previous[i]);
            }
            d /= 2;
        }
        previous = h;
        return d;
    }

    /**
     * Whether a frame starts a new shot.
     *
     * @param distance its histogram distance from the previous frame
     * @param medianResidual the median luma residual after motion compensation (levels)
     * @return true for a cut
     */
    static boolean isCut(double distance, double medianResidual) {
        return distance >= HARD || (distance >= SOFT && medianResidual >= MISMATCH);
    }

    private static double[] histogram(float[] luma) {
        double[] h = new double[BINS];
        for (float v : luma) {
            int bin = Math.min(BINS - 1, Math.max(0, (int) (v * BINS / 256f)));
            h[bin]++;
        }
        for (int i = 0; i < BINS; i++) {
            h[i] /= luma.length;
        }
        return h;
    }
}
