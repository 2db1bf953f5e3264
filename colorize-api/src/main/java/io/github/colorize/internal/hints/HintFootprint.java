package io.github.colorize.internal.hints;

import io.github.colorize.ColorHint;
import java.util.BitSet;

/**
 * The pixels a hint covers on a grid: those whose centre lies within the radius of the point, or
 * within half the width of the polyline. The grid may be the photo or a reduced copy of it ({@code
 * scale} &lt; 1); a hint always covers at least the pixel nearest to it, however small it becomes.
 * Stateless; thread-safe.
 */
final class HintFootprint {

    /** The least radius on any grid: half a pixel, so the nearest pixel is always covered. */
    private static final double MIN_RADIUS = 0.5;

    private HintFootprint() {}

    /**
     * The pixels of one hint.
     *
     * @param hint the hint, in photo pixels
     * @param scale grid pixels per photo pixel (1 for the photo itself)
     * @param w grid width
     * @param h grid height
     * @return the covered pixel indices ({@code y·w + x}), ascending, without repeats
     */
    static int[] pixels(ColorHint hint, double scale, int w, int h) {
        double r = Math.max(MIN_RADIUS, hint.radius() * scale);
        int n = hint.pointCount();
        BitSet covered = new BitSet();
        for (int s = 0; s < n; s++) {
            double ax = toGrid(hint.x(s), scale);
            double ay = toGrid(hint.y(s), scale);
            double bx = toGrid(hint.x(Math.min(s + 1, n - 1)), scale);
            double by = toGrid(hint.y(Math.min(s + 1, n - 1)), scale);
            segment(ax, ay, bx, by, r, w, h, covered);
        }
        return covered.stream().toArray();
    }

    private static double toGrid(double v, double scale) {
        return (v + 0.5) * scale - 0.5;
    }

    private static void segment(double ax, double ay, double bx, double by, double r, int w, int h, BitSet out) {
        int x0 = Math.max(0, (int) Math.floor(Math.min(ax, bx) - r));
        int x1 = Math.min(w - 1, (int) Math.ceil(Math.max(ax, bx) + r));
        int y0 = Math.max(0, (int) Math.floor(Math.min(ay, by) - r));
        int y1 = Math.min(h - 1, (int) Math.ceil(Math.max(ay, by) + r));
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double r2 = r * r;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
                double ex = x - (ax + t * dx);
                double ey = y - (ay + t * dy);
                if (ex * ex + ey * ey <= r2) {
                    out.set(y * w + x);
                }
            }
        }
    }
}
