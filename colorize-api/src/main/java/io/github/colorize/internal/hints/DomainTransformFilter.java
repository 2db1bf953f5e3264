package io.github.colorize.internal.hints;

import io.github.colorize.internal.color.ParallelLoops;

/**
 * Gastal and Oliveira's domain transform recursive filter (SIGGRAPH 2011): an edge-aware smoothing
 * that costs a few multiply-adds per pixel and channel, whatever the spatial extent. Each 1-D pass is
 * a first-order recursive filter whose feedback {@code a^d} falls with the lightness step {@code d}
 * between neighbours, so what is spread stops at edges; alternating row and column passes, with a
 * shrinking extent per iteration, make it 2-D. Memory: two feedback planes the size of the guide.
 *
 * <p>Why this filter: it is linear in pixels with no matrix at all (Levin et al.'s solve needs a
 * sparse system of the whole photo), its cost does not depend on {@code sigmaSpace}, and applied to
 * (value·weight, weight) and divided it is a normalised edge-aware propagation.
 *
 * <p>Immutable; {@link #apply} may run from many threads on different planes.
 */
final class DomainTransformFilter {

    private final int w;
    private final int h;
    private final double sigmaSpace;
    private final int iterations;
    /** Domain-transform step to the left neighbour, per pixel (x ≥ 1). */
    private final float[] dx;
    /** Domain-transform step to the upper neighbour, per pixel (y ≥ 1). */
    private final float[] dy;

    /**
     * Prepares the filter for a guide.
     *
     * @param guide lightness plane, {@code w·h}
     * @param w width
     * @param h height
     * @param sigmaSpace spatial extent in pixels
     * @param sigmaRange lightness difference (L* units) that counts like one more pixel of distance,
     *     scaled by {@code sigmaSpace}
     * @param iterations passes of rows and columns (3 suffices, per the paper)
     * @param guideRadius radius of the box blur (applied twice) the guide is smoothed with first; 0
     *     for none
     * @param edgeKnee the lightness step (L*) from which a step costs more than in proportion, so that a
     *     strong edge stops a hint while texture lets it through; 0 for the paper's linear cost
     */
    DomainTransformFilter(
            float[] guide,
            int w,
            int h,
            double sigmaSpace,
            double sigmaRange,
            int iterations,
            int guideRadius,
            double edgeKnee) {
        this.w = w;
        this.h = h;
        this.sigmaSpace = sigmaSpace;
        this.iterations = iterations;
        this.dx = new float[w * h];
        this.dy = new float[w * h];
        float ratio = (float) (sigmaSpace / sigmaRange);
        float kneeInv = edgeKnee > 0 ? (float) (1 / edgeKnee) : 0f;
        // Grain and fine texture would add up to a wall along any path (the transform counts total
        // variation); smoothing the guide removes them, while a real edge keeps its full step.
        float[] g = GuideSmoother.smooth(guide, w, h, guideRadius);
        // Strong edges are measured on a guide only lightly smoothed, so that the wide smoothing above
        // (which spreads an edge's step over many pixels) cannot let a hint leak across them.
        float[] e = guideRadius > 1 ? GuideSmoother.smooth(guide, w, h, 1) : g;
        ParallelLoops.forRange(h, w, (y0, y1) -> {
            for (int y = y0; y < y1; y++) {
                int row = y * w;
                for (int x = 1; x < w; x++) {
                    dx[row + x] = step(ratio, kneeInv, g[row + x] - g[row + x - 1], e[row + x] - e[row + x - 1]);
                }
                if (y > 0) {
                    for (int x = 0; x < w; x++) {
                        dy[row + x] = step(ratio, kneeInv, g[row + x] - g[row + x - w], e[row + x] - e[row + x - w]);
                    }
                }
            }
        });
    }

    /**
     * The domain-transform distance of one step: linear in the smoothed lightness step (the paper), plus
     * a quadratic term in the sharp step that makes a strong edge a wall and grain nothing.
     */
    private static float step(float ratio, float kneeInv, float smooth, float sharp) {
        return 1f + ratio * (Math.abs(smooth) + sharp * sharp * kneeInv);
    }

    /** The paper's extent of iteration {@code k}: the variances add up to {@code sigmaSpace²}. */
    static double sigmaOf(double sigmaSpace, int k, int iterations) {
        return sigmaSpace * Math.sqrt(3) * Math.pow(2, iterations - k - 1) / Math.sqrt(Math.pow(4, iterations) - 1);
    }

    /**
     * The centre value a unit impulse keeps in a flat region, after all passes: the scale of what
     * {@link #apply} gives a lone one-pixel weight where it sits.
     *
     * @return the peak, in (0, 1]
     */
    double flatPeak() {
        int radius = (int) Math.ceil(8 * sigmaSpace) + 2;
        double[] line = new double[2 * radius + 1];
        line[radius] = 1;
        for (int k = 0; k < iterations; k++) {
            double a = Math.exp(-Math.sqrt(2) / sigmaOf(sigmaSpace, k, iterations));
            for (int i = 1; i < line.length; i++) {
                line[i] += a * (line[i - 1] - line[i]);
            }
            for (int i = line.length - 2; i >= 0; i--) {
                line[i] += a * (line[i + 1] - line[i]);
            }
        }
        return line[radius] * line[radius];
    }

    /**
     * Filters planes in place, all with the same edges.
     *
     * @param planes {@code w·h} planes, filtered in place
     */
    void apply(float[]... planes) {
        float[] vx = new float[w * h];
        float[] vy = new float[w * h];
        for (int k = 0; k < iterations; k++) {
            // Each iteration halves the extent, which squares the feedback: one exp per pixel in all.
            if (k == 0) {
                float logA = (float) (-Math.sqrt(2) / sigmaOf(sigmaSpace, 0, iterations));
                ParallelLoops.forRange(w * h, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        vx[i] = (float) Math.exp(logA * dx[i]);
                        vy[i] = (float) Math.exp(logA * dy[i]);
                    }
                });
            } else {
                ParallelLoops.forRange(w * h, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        vx[i] *= vx[i];
                        vy[i] *= vy[i];
                    }
                });
            }
            ParallelLoops.forRange(h, 4L * w * planes.length, (y0, y1) -> {
                for (float[] p : planes) {
                    for (int y = y0; y < y1; y++) {
                        rows(p, vx, y * w);
                    }
                }
            });
            ParallelLoops.forRange(w, 4L * h * planes.length, (x0, x1) -> {
                for (float[] p : planes) {
                    columns(p, vy, x0, x1);
                }
            });
        }
    }

    private void rows(float[] p, float[] v, int row) {
        for (int x = 1; x < w; x++) {
            int i = row + x;
            p[i] += v[i] * (p[i - 1] - p[i]);
        }
        for (int x = w - 2; x >= 0; x--) {
            int i = row + x;
            p[i] += v[i + 1] * (p[i + 1] - p[i]);
        }
    }

    /** Down then up a band of columns, a row at a time, so that memory is read in order. */
    private void columns(float[] p, float[] v, int x0, int x1) {
        for (int y = 1; y < h; y++) {
            int row = y * w;
            for (int i = row + x0, end = row + x1; i < end; i++) {
                p[i] += v[i] * (p[i - w] - p[i]);
            }
        }
        for (int y = h - 2; y >= 0; y--) {
            int row = y * w;
            for (int i = row + x0, end = row + x1; i < end; i++) {
                p[i] += v[i + w] * (p[i + w] - p[i]);
            }
        }
    }
}
