package io.github.colorize.video.internal.stabilize;

import io.github.colorize.internal.color.ParallelLoops;

/**
 * Dense motion between two luma planes of one grid, by block matching: each {@value #BLOCK}×{@value
 * #BLOCK} block gets the displacement (within ±{@value #RADIUS} cells) whose sum of absolute
 * differences, plus a small penalty per cell of motion, is lowest; each cell then takes whichever of
 * its own block's and the four neighbouring blocks' vectors matches its 3×3 neighbourhood best, so
 * that object edges inside a block follow the right side. Brightness is compared after removing each
 * frame's mean, so that a global brightness change (old film, auto exposure) is not taken for
 * mismatch.
 *
 * <p>Vectors point from a cell of the current frame to where its content was in the previous one.
 * The search runs in parallel bands with results that do not depend on the number of threads. Not
 * thread-safe (reuses buffers); one per stream.
 */
final class BlockMotion {

    static final int BLOCK = 8;
    static final int RADIUS = 6;

    /** Vectors a cell chooses from: its own block's and the four neighbours'. */
    private static final int CANDIDATES = 5;

    /** Rough cost of searching per cell, and of choosing, in pixel operations (to split the work). */
    private static final int SEARCH_WORK = 16;

    private static final int CHOOSE_WORK = 20;

    /** Cost per cell of displacement, in luma levels per pixel: prefers no motion in flat areas. */
    private static final float MOTION_PENALTY = 0.4f;

    private final int gw;
    private final int gh;
    private final int bw;
    private final int bh;
    private final int[] blockDx;
    private final int[] blockDy;

    /** Result: per-cell displacement and residual. */
    final int[] dx;

    final int[] dy;
    final float[] residual;

    BlockMotion(Grid grid) {
        this.gw = grid.gw();
        this.gh = grid.gh();
        this.bw = (gw + BLOCK - 1) / BLOCK;
        this.bh = (gh + BLOCK - 1) / BLOCK;
        this.blockDx = new int[bw * bh];
        this.blockDy = new int[bw * bh];
        this.dx = new int[gw * gh];
        this.dy = new int[gw * gh];
        this.residual = new float[gw * gh];
    }

    /**
     * Estimates motion from {@code previous} to {@code current}, filling {@link #dx}, {@link #dy} and
     * {@link #residual} (mean absolute luma difference over the 3×3 neighbourhood, after compensation).
     *
     * @param previous the previous frame's grid luma
     * @param current this frame's grid luma
     */
    void estimate(float[] previous, float[] current) {
        float[] p = centred(previous);
        float[] c = centred(current);
        // Rows of blocks, then rows of cells, in parallel: each writes only its own results.
        ParallelLoops.forRange(bh, (long) gw * BLOCK * SEARCH_WORK, (from, to) -> {
            for (int by = from; by < to; by++) {
                for (int bx = 0; bx < bw; bx++) {
                    searchBlock(p, c, bx, by);
                }
            }
        });
        ParallelLoops.forRange(gh, (long) gw * CHOOSE_WORK, (from, to) -> {
            int[] tried = new int[2 * CANDIDATES];
            for (int y = from; y < to; y++) {
                for (int x = 0; x < gw; x++) {
                    chooseVector(p, c, x, y, tried);
                }
            }
        });
    }

    /** The plane minus its mean (the motion search compares shapes, not brightness). */
    static float[] centred(float[] plane) {
        double sum = 0;
        for (float v : plane) {
            sum += v;
        }
        float mean = (float) (sum / plane.length);
        float[] out = new float[plane.length];
        for (int i = 0; i < plane.length; i++) {
            out[i] = plane[i] - mean;
        }
        return out;
    }

    /**
     * The block's vector: the first in scan order (rows of {@code vy}, then {@code vx}, from −{@value
     * #RADIUS}) with the lowest cost. The zero vector is tried first, so that its usually low cost
     * cuts the other candidates short; ties are still resolved by scan order, so the result is the
     * same as a plain scan's.
     */
    private void searchBlock(float[] p, float[] c, int bx, int by) {
        int x0 = bx * BLOCK;
        int y0 = by * BLOCK;
        int x1 = Math.min(gw, x0 + BLOCK);
        int y1 = Math.min(gh, y0 + BLOCK);
        int cells = (x1 - x0) * (y1 - y0);
        float best = blockCost(p, c, x0, y0, x1, y1, 0, 0, 0f, Float.MAX_VALUE, false);
        int bestX = 0;
        int bestY = 0;
        boolean bestIsZero = true;
        for (int vy = -RADIUS; vy <= RADIUS; vy++) {
            for (int vx = -RADIUS; vx <= RADIUS; vx++) {
                if (vx == 0 && vy == 0) {
                    continue;
                }
                // A vector scanned before zero wins a tie with it.
                boolean winsTie = bestIsZero && (vy < 0 || (vy == 0 && vx < 0));
                float penalty = MOTION_PENALTY * cells * (Math.abs(vx) + Math.abs(vy));
                if (winsTie ? penalty > best : penalty >= best) {
                    continue;
                }
                float cost = blockCost(p, c, x0, y0, x1, y1, vx, vy, penalty, best, winsTie);
                if (winsTie ? cost <= best : cost < best) {
                    best = cost;
                    bestX = vx;
                    bestY = vy;
                    bestIsZero = false;
                }
            }
        }
        blockDx[by * bw + bx] = bestX;
        blockDy[by * bw + bx] = bestY;
    }

    /**
     * The penalty plus the block's sum of absolute differences under a vector, row by row; stops
     * early once it exceeds {@code bound} (or reaches it, unless {@code orEqual}): the sum only grows,
     * so the candidate has lost by then.
     */
    private float blockCost(
            float[] p,
            float[] c,
            int x0,
            int y0,
            int x1,
            int y1,
            int vx,
            int vy,
            float penalty,
            float bound,
            boolean orEqual) {
        float cost = penalty;
        boolean inside = x0 + vx >= 0 && x1 - 1 + vx < gw && y0 + vy >= 0 && y1 - 1 + vy < gh;
        for (int y = y0; y < y1 && (orEqual ? cost <= bound : cost < bound); y++) {
            int row = y * gw;
            if (inside) {
                // No clamping needed: the same sums, without a bounds test per cell.
                int prow = row + vy * gw + vx;
                for (int x = x0; x < x1; x++) {
                    cost += Math.abs(c[row + x] - p[prow + x]);
                }
            } else {
                int py = clamp(y + vy, gh) * gw;
                for (int x = x0; x < x1; x++) {
                    cost += Math.abs(c[row + x] - p[py + clamp(x + vx, gw)]);
                }
            }
        }
        return cost;
    }

    /** @param tried scratch for the vectors tried, as (x, y) pairs */
    private void chooseVector(float[] p, float[] c, int x, int y, int[] tried) {
        int bx = x / BLOCK;
        int by = y / BLOCK;
        float best = Float.MAX_VALUE;
        int bestX = 0;
        int bestY = 0;
        int count = 0;
        for (int k = 0; k < CANDIDATES; k++) {
            int nx = bx + (k == 1 ? -1 : k == 2 ? 1 : 0);
            int ny = by + (k == 3 ? -1 : k == 4 ? 1 : 0);
            if (nx < 0 || ny < 0 || nx >= bw || ny >= bh) {
                continue;
            }
            int vx = blockDx[ny * bw + nx];
            int vy = blockDy[ny * bw + nx];
            // Neighbouring blocks mostly share a vector; one already tried cannot win (ties go first).
            if (sameAsTried(vx, vy, tried, count)) {
                continue;
            }
            tried[2 * count] = vx;
            tried[2 * count + 1] = vy;
            count++;
            float e = patchError(p, c, x, y, vx, vy);
            if (e < best) {
                best = e;
                bestX = vx;
                bestY = vy;
            }
        }
        int i = y * gw + x;
        dx[i] = bestX;
        dy[i] = bestY;
        residual[i] = best;
    }

    private static boolean sameAsTried(int vx, int vy, int[] tried, int count) {
        for (int t = 0; t < count; t++) {
            if (tried[2 * t] == vx && tried[2 * t + 1] == vy) {
                return true;
            }
        }
        return false;
    }

    private float patchError(float[] p, float[] c, int x, int y, int vx, int vy) {
        if (x >= 1 && y >= 1 && x + 1 < gw && y + 1 < gh) {
            int sx = x + vx;
            int sy = y + vy;
            if (sx >= 1 && sy >= 1 && sx + 1 < gw && sy + 1 < gh) {
                // The whole 3×3 patch and its match are inside: the same sum, in the same order.
                float sum = 0;
                for (int oy = -1; oy <= 1; oy++) {
                    int cr = (y + oy) * gw + x;
                    int pr = (sy + oy) * gw + sx;
                    sum += Math.abs(c[cr - 1] - p[pr - 1]);
                    sum += Math.abs(c[cr] - p[pr]);
                    sum += Math.abs(c[cr + 1] - p[pr + 1]);
                }
                return sum / 9;
            }
        }
        float sum = 0;
        int n = 0;
        for (int oy = -1; oy <= 1; oy++) {
            int cy = y + oy;
            if (cy < 0 || cy >= gh) {
                continue;
            }
            int py = clamp(cy + vy, gh) * gw;
            for (int ox = -1; ox <= 1; ox++) {
                int cx = x + ox;
                if (cx < 0 || cx >= gw) {
                    continue;
                }
                sum += Math.abs(c[cy * gw + cx] - p[py + clamp(cx + vx, gw)]);
                n++;
            }
        }
        return sum / n;
    }

    static int clamp(int v, int size) {
        return v < 0 ? 0 : v >= size ? size - 1 : v;
    }
}
