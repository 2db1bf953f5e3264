package io.github.colorize.internal.render;

import java.util.Random;

/** Seeded synthetic "photos" as packed RGB arrays: hard-edged shapes, enlargements, grain. */
final class SyntheticPhotos {

    private SyntheticPhotos() {}

    /** Random rectangles and discs of many sizes over a gradient: detail at every scale. */
    static int[] sharp(int w, int h, long seed) {
        Random r = new Random(seed);
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = 60 + (120 * x) / Math.max(1, w) + (40 * y) / Math.max(1, h);
                px[y * w + x] = v * 0x010101;
            }
        }
        int shapes = Math.max(20, w * h / 4000);
        for (int i = 0; i < shapes; i++) {
            int size = 2 + (int) (Math.pow(r.nextDouble(), 2) * Math.min(w, h) / 3.0);
            int x0 = r.nextInt(w);
            int y0 = r.nextInt(h);
            int v = r.nextInt(256);
            int rgb = (Math.min(255, v + 10) << 16) | (v << 8) | Math.max(0, v - 10);
            boolean disc = r.nextBoolean();
            for (int y = y0; y < Math.min(h, y0 + size); y++) {
                for (int x = x0; x < Math.min(w, x0 + size); x++) {
                    double dx = x - x0 - size / 2.0;
                    double dy = y - y0 - size / 2.0;
                    if (!disc || dx * dx + dy * dy <= size * size / 4.0) {
                        px[y * w + x] = rgb;
                    }
                }
            }
        }
        return px;
    }

    /** Bilinear enlargement (half-pixel centres), as a scanner or an upload service would do. */
    static int[] enlarge(int[] src, int w, int h, int nw, int nh) {
        int[] out = new int[nw * nh];
        for (int y = 0; y < nh; y++) {
            double sy = Math.max(0, (y + 0.5) * h / nh - 0.5);
            int y0 = Math.min((int) sy, h - 1);
            int y1 = Math.min(y0 + 1, h - 1);
            double ty = sy - y0;
            for (int x = 0; x < nw; x++) {
                double sx = Math.max(0, (x + 0.5) * w / nw - 0.5);
                int x0 = Math.min((int) sx, w - 1);
                int x1 = Math.min(x0 + 1, w - 1);
                double tx = sx - x0;
                int rgb = 0;
                for (int shift = 16; shift >= 0; shift -= 8) {
                    double a =
                            ((src[y0 * w + x0] >> shift) & 0xFF) * (1 - tx) + ((src[y0 * w + x1] >> shift) & 0xFF) * tx;
                    double b =
                            ((src[y1 * w + x0] >> shift) & 0xFF) * (1 - tx) + ((src[y1 * w + x1] >> shift) & 0xFF) * tx;
                    rgb |= ((int) Math.round(a * (1 - ty) + b * ty)) << shift;
                }
                out[y * nw + x] = rgb;
            }
        }
        return out;
    }

    /** Adds the same Gaussian grain to the three channels (film grain on a gray photo). */
    static int[] grain(int[] src, double sigma, long seed) {
        Random r = new Random(seed);
        int[] out = new int[src.length];
        for (int i = 0; i < src.length; i++) {
            int n = (int) Math.round(r.nextGaussian() * sigma);
            int rgb = 0;
            for (int shift = 16; shift >= 0; shift -= 8) {
                rgb |= Math.max(0, Math.min(255, ((src[i] >> shift) & 0xFF) + n)) << shift;
            }
            out[i] = rgb;
        }
        return out;
    }

    static int[] flat(int w, int h, int gray) {
        int[] px = new int[w * h];
        java.util.Arrays.fill(px, gray * 0x010101);
        return px;
    }
}
