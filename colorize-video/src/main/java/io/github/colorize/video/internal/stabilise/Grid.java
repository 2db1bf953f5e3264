package io.github.colorize.video.internal.stabilise;

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
        int[] count = new int[size()];
        for (int y = 0; y < height; y++) {
            int row = (y / cell) * gw;
            int base = y * width;
            for (int x = 0; x < width; x++) {
                int p = rgb[base + x];
                int i = row + x / cell;
                sum[i] += 0.299f * ((p >> 16) & 0xFF) + 0.587f * ((p >> 8) & 0xFF) + 0.114f * (p & 0xFF);
                count[i]++;
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= count[i];
        }
        return sum;
    }

    /**
     * The mean of a full-resolution plane over each cell.
     *
     * @param plane {@code width·height} values
     * @return a new plane of {@link #size()} values
     */
    float[] mean(float[] plane) {
        float[] sum = new float[size()];
        int[] count = new int[size()];
        for (int y = 0; y < height; y++) {
            int row = (y / cell) * gw;
            int base = y * width;
            for (int x = 0; x < width; x++) {
                int i = row + x / cell;
                sum[i] += plane[base + x];
                count[i]++;
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= count[i];
        }
        return sum;
    }
}
