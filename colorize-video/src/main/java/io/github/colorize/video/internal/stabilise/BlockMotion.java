package io.github.colorize.video.internal.stabilise;

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
 * Not thread-safe (reuses buffers); one per stream.
 */
final class BlockMotion {

    static final int BLOCK = 8;
    static final int RADIUS = 6;

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
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                searchBlock(p, c, bx, by);
            }
        }
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) {
                chooseVector(p, c, x, y);
            }
        }
    }

    private float[] centred(float[] plane) {
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

    private void searchBlock(float[] p, float[] c, int bx, int by) {
        int x0 = bx * BLOCK;
        int y0 = by * BLOCK;
        int x1 = Math.min(gw, x0 + BLOCK);
        int y1 = Math.min(gh, y0 + BLOCK);
        int cells = (x1 - x0) * (y1 - y0);
        float best = Float.MAX_VALUE;
        int bestX = 0;
        int bestY = 0;
        for (int vy = -RADIUS; vy <= RADIUS; vy++) {
            for (int vx = -RADIUS; vx <= RADIUS; vx++) {
                float cost = MOTION_PENALTY * cells * (Math.abs(vx) + Math.abs(vy));
                if (cost >= best) {
                    continue;
                }
                for (int y = y0; y < y1 && cost < best; y++) {
                    int py = clamp(y + vy, gh) * gw;
                    int row = y * gw;
                    for (int x = x0; x < x1; x++) {
                        cost += Math.abs(c[row + x] - p[py + clamp(x + vx, gw)]);
                    }
                }
                if (cost < best) {
                    best = cost;
                    bestX = vx;
                    bestY = vy;
                }
            }
        }
        blockDx[by * bw + bx] = bestX;
        blockDy[by * bw + bx] = bestY;
    }

    private void chooseVector(float[] p, float[] c, int x, int y) {
        int bx = x / BLOCK;
        int by = y / BLOCK;
        float best = Float.MAX_VALUE;
        int bestX = 0;
        int bestY = 0;
        for (int k = 0; k < 5; k++) {
            int nx = bx + (k == 1 ? -1 : k == 2 ? 1 : 0);
            int ny = by + (k == 3 ? -1 : k == 4 ? 1 : 0);
            if (nx < 0 || ny < 0 || nx >= bw || ny >= bh) {
                continue;
            }
            int vx = blockDx[ny * bw + nx];
            int vy = blockDy[ny * bw + nx];
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

    private float patchError(float[] p, float[] c, int x, int y, int vx, int vy) {
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
