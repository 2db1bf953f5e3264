package io.github.colorize.internal.hints;

import io.github.colorize.internal.color.Lab;
import io.github.colorize.internal.color.LabConverter;
import io.github.colorize.internal.color.LabVariant;

/** Small made-up photos and the Lab measurements the hint tests assert on. */
final class SyntheticPhotos {

    static final LabConverter LAB = Lab.converter(LabVariant.EXACT);

    private SyntheticPhotos() {}

    /**
     * Two regions split by a vertical edge at {@code edge}: lightness {@code lLeft} and {@code lRight},
     * both with chroma (a, b) and a little seeded grain.
     */
    static int[] twoRegions(int w, int h, int edge, float lLeft, float lRight, float a, float b, long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        float[] l = new float[w * h];
        float[] pa = new float[w * h];
        float[] pb = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                l[i] = (x < edge ? lLeft : lRight) + (float) rnd.nextGaussian() * 0.7f;
                pa[i] = a;
                pb[i] = b;
            }
        }
        return LAB.labToRgb(l, pa, pb);
    }

    /** Mean (L, a, b) of a rectangle. */
    static double[] meanLab(int[] rgb, int w, int x0, int y0, int x1, int y1) {
        double[] sum = new double[3];
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                double[] lab = lab(rgb[y * w + x]);
                for (int c = 0; c < 3; c++) {
                    sum[c] += lab[c];
                }
                n++;
            }
        }
        for (int c = 0; c < 3; c++) {
            sum[c] /= n;
        }
        return sum;
    }

    static double[] lab(int p) {
        return LAB.rgbToLab(((p >> 16) & 0xFF) / 255.0, ((p >> 8) & 0xFF) / 255.0, (p & 0xFF) / 255.0);
    }

    /** Chroma distance (ΔE*ab over a*b* only) between a measured Lab and a colour's own a*b*. */
    static double chromaDistance(double[] measured, int rgb) {
        double[] want = lab(rgb);
        return Math.hypot(measured[1] - want[1], measured[2] - want[2]);
    }
}
