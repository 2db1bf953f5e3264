package io.github.colorize.internal.io;

import io.github.colorize.ToneAnalysis;
import java.awt.image.BufferedImage;

/**
 * Measures how much of a photo's chroma follows its luminance (a tone) and how much does not
 * (colour); see {@link ToneAnalysis} for the method and thresholds. Stateless, thread-safe.
 *
 * <p>One pass over a box-averaged copy at most {@value #MAX_SIDE} pixels on its long side: averaging
 * removes JPEG chroma noise and film grain, which would otherwise count as colour. The copy's pixels
 * are grouped into {@value #BINS} luminance bins; per bin we keep the count and the sums of Cb, Cr and
 * their squares, so the within-bin variance (colour) and the bin means (tone) come out together.
 */
public final class ToneClassifier {

    static final int MAX_SIDE = 256;
    static final int BINS = 32;

    private ToneClassifier() {}

    /**
     * Classifies an image.
     *
     * @param image any image; not modified (alpha is flattened onto white for the measurement)
     * @return the analysis
     */
    public static ToneAnalysis classify(BufferedImage image) {
        BufferedImage rgb = SrgbConverter.convert(image, false);
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        int f = Math.max(1, (Math.max(w, h) + MAX_SIDE - 1) / MAX_SIDE);
        int ow = (w + f - 1) / f;
        long[] sr = new long[ow];
        long[] sg = new long[ow];
        long[] sb = new long[ow];
        int[] n = new int[ow];
        int[] row = new int[w];
        Accumulator acc = new Accumulator();
        for (int y0 = 0; y0 < h; y0 += f) {
            java.util.Arrays.fill(sr, 0);
            java.util.Arrays.fill(sg, 0);
            java.util.Arrays.fill(sb, 0);
            java.util.Arrays.fill(n, 0);
            for (int y = y0; y < Math.min(h, y0 + f); y++) {
                rgb.getRaster().getDataElements(0, y, w, 1, row);
                // Box by box rather than x / f per pixel: a division per pixel was most of the pass.
                for (int o = 0, x = 0; o < ow; o++) {
                    int end = Math.min(w, x + f);
                    long r = 0;
                    long g = 0;
                    long b = 0;
                    n[o] += end - x;
                    for (; x < end; x++) {
                        int p = row[x];
                        r += p >> 16 & 0xFF;
                        g += p >> 8 & 0xFF;
                        b += p & 0xFF;
                    }
                    sr[o] += r;
                    sg[o] += g;
                    sb[o] += b;
                }
            }
            for (int o = 0; o < ow; o++) {
                acc.add((double) sr[o] / n[o], (double) sg[o] / n[o], (double) sb[o] / n[o]);
            }
        }
        return acc.result();
    }

    /** Per-bin sums of BT.601 chroma; see the class comment. */
    private static final class Accumulator {
        private final long[] count = new long[BINS];
        private final double[] cb = new double[BINS];
        private final double[] cr = new double[BINS];
        private final double[] squares = new double[BINS];

        void add(double r, double g, double b) {
            double luma = 0.299 * r + 0.587 * g + 0.114 * b;
            // BT.601 Cb and Cr, written as differences so that gray pixels give exactly zero.
            double u = 0.5 * (b - g) + 0.168736 * (g - r);
            double v = 0.5 * (r - g) + 0.081312 * (g - b);
            int bin = Math.min(BINS - 1, (int) (luma * BINS / 256));
            count[bin]++;
            cb[bin] += u;
            cr[bin] += v;
            squares[bin] += u * u + v * v;
        }

        ToneAnalysis result() {
            long total = 0;
            double tone = 0;
            double color = 0;
            double sumCb = 0;
            double sumCr = 0;
            for (int i = 0; i < BINS; i++) {
                if (count[i] == 0) {
                    continue;
                }
                double meanCb = cb[i] / count[i];
                double meanCr = cr[i] / count[i];
                double meanSquare = meanCb * meanCb + meanCr * meanCr;
                tone += count[i] * meanSquare;
                color += Math.max(0, squares[i] - count[i] * meanSquare); // n·variance, never negative
                total += count[i];
                sumCb += cb[i];
                sumCr += cr[i];
            }
            double toneChroma = Math.sqrt(tone / total);
            double colorChroma = Math.sqrt(color / total);
            double hue = hue(sumCb / total, sumCr / total);
            return new ToneAnalysis(ToneAnalysis.verdictFor(toneChroma, colorChroma), toneChroma, colorChroma, hue);
        }
    }

    /** The HSV hue of a mid-gray shifted along the chroma direction (Cb, Cr); NaN without chroma. */
    static double hue(double meanCb, double meanCr) {
        double length = Math.hypot(meanCb, meanCr);
        if (length < 1e-9) {
            return Double.NaN;
        }
        double u = 40 * meanCb / length;
        double v = 40 * meanCr / length;
        double r = 128 + 1.402 * v;
        double g = 128 - 0.344136 * u - 0.714136 * v;
        double b = 128 + 1.772 * u;
        double max = Math.max(r, Math.max(g, b));
        double min = Math.min(r, Math.min(g, b));
        double d = max - min;
        double h;
        if (max == r) {
            h = 60 * ((g - b) / d);
        } else if (max == g) {
            h = 60 * ((b - r) / d + 2);
        } else {
            h = 60 * ((r - g) / d + 4);
        }
        return (h % 360 + 360) % 360;
    }
}
