package io.github.colorize.video.internal.stabilize;

/**
 * The reduced-resolution grid the stabiliser works on: cells of {@code cell × cell} pixels, averaged.
 * Model chroma is itself predicted at a few hundred pixels, so nothing of it is lost at this
 * resolution, and motion search stays cheap. Immutable and thread-safe.
 *
 * @param width the frame width
 * @param height the frame height
 * @param cell the cell side in pixels
 * @param gw the grid width, {@code ceil(width / cell)}
 * @param gh the grid height
 */
record Grid(int width, int height, int cell, int gw, int gh) {

    /** The grid's longer side aims at about this many cells. */
    static final int TARGET_SIDE = 256;

    /**
     * The grid for a frame size.
     *
     * @param width frame width
     * @param height frame height
     * @return the grid
     */
    static Grid forFrame(int width, int height) {
        int cell = Math.max(1, (int) Math.ceil(Math.max(width, height) / (double) TARGET_SIDE));
        return new Grid(width, height, cell, ceilDiv(width, cell), ceilDiv(height, cell));
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** @return the number of cells */
    int size() {
        return gw * gh;
    }

    /**
     * The mean luma (BT.601 weights, 0..255) of each cell.
     *
     * @param rgb packed pixels
     * @return a new plane of {@link #size()} values
     */
    float[] luma(int[] rgb) {
        float[] sum = new float[size()];
        for (int y = 0; y < height; y++) {
            int row = (y / cell) * gw;
            int base = y * width;
            // Cell by cell along the row (no division per pixel); each cell sums in pixel order.
            for (int cx = 0, x = 0; cx < gw; cx++) {
                int end = Math.min(width, x + cell);
                float s = sum[row + cx];
                for (; x < end; x++) {
                    int p = rgb[base + x];
                    s += 0.299f * ((p >> 16) & 0xFF) + 0.587f * ((p >> 8) & 0xFF) + 0.114f * (p & 0xFF);
                }
                sum[row + cx] = s;
            }
        }
        int[] count = counts();
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= count[i];
        }
        return sum;
    }

    /** @return the number of pixels in each cell (edge cells may be smaller) */
    int[] counts() {
        int[] count = new int[size()];
        int lastW = width - (gw - 1) * cell;
        int lastH = height - (gh - 1) * cell;
        for (int gy = 0; gy < gh; gy++) {
            int ch = gy == gh - 1 ? lastH : cell;
            for (int gx = 0; gx < gw; gx++) {
                count[gy * gw + gx] = ch * (gx == gw - 1 ? lastW : cell);
            }
        }
        return count;
    }
}
