package io.github.colorize.internal.render;

import io.github.colorize.RenderFactor;
import io.github.colorize.internal.color.ParallelLoops;

/**
 * Chooses a render factor per photo when the caller asks for {@link RenderFactor#auto()}, following
 * DeOldify's guidance: lower factors for small, blurred or noisy scans (faster, more vivid, and the
 * model is not asked for detail the photo does not have); the card's default for good photos.
 *
 * <p><b>The rule.</b> The photo's luma is box-averaged to at most {@value #ANALYSIS_SIDE} px on its
 * long side. On that copy:
 *
 * <ol>
 *   <li><b>Noise</b> σ (gray levels): the median absolute response of Immerkær's noise kernel {@code
 *       [1 -2 1; -2 4 -2; 1 -2 1]}, divided by {@code 6 × 0.6745} (the median makes edges irrelevant).
 *   <li><b>Edge width</b> {@code b} (pixels of the copy), from Crete et al.'s no-reference blur
 *       measure: blurring with a 9-tap box changes the neighbour differences of a sharp photo much and
 *       those of a blurred one little; over differences above {@code max(2, 3σ)}, per axis, {@code m =
 *       1 − Σ max(0, |d| − |d_blurred|) / Σ |d|}; the larger axis gives {@code b = 8m / (1 − m)} (a
 *       ramp of width {@code w} gives {@code m ≈ w / (w + 8)}).
 *   <li><b>Effective short side</b> = short side / {@code max(1, b / 2)}: a photo whose edges are
 *       {@code b} pixels wide holds about {@code 2 / b} of its nominal resolution (hard edges measure
 *       about 2).
 *   <li>{@code byResolution = floor(effectiveShortSide / 16)}: never ask the model for a side larger
 *       than the detail the photo really has.
 *   <li>{@code noisePenalty = clamp(round(1.5 × (σ − 2)), 0, 12)}.
 *   <li>{@code factor = clamp(min(cardDefault, byResolution) − noisePenalty, 7, 45)}.
 * </ol>
 *
 * Auto never goes above the card's default: higher factors wash colours out. Static and thread-safe;
 * costs a few tens of milliseconds on a 12-megapixel photo.
 */
public final class AutoRenderFactor {

    /** Longest side of the analysis copy. */
    static final int ANALYSIS_SIDE = 1024;

    private static final int BLUR_RADIUS = 4;
    private static final double MAD_TO_SIGMA = 6 * 0.6745;

    private AutoRenderFactor() {}

    /**
     * What auto chose and why. Immutable.
     *
     * @param factor the render factor, 7 to 45
     * @param noiseSigma the estimated noise, gray levels at the analysis scale
     * @param effectiveShortSide the short side the photo's detail supports, in original pixels
     * @param reason one line for logs
     */
    public record Choice(int factor, double noiseSigma, int effectiveShortSide, String reason) {}

    /**
     * Chooses a factor.
     *
     * @param rgb packed 0xRRGGBB pixels, row-major
     * @param width the width
     * @param height the height
     * @param cardDefault the model card's default factor
     * @return the choice
     */
    public static Choice choose(int[] rgb, int width, int height, int cardDefault) {
        if (width < 1 || height < 1 || rgb.length < (long) width * height) {
            throw new IllegalArgumentException("pixel array does not match " + width + "x" + height);
        }
        int k = Math.max(1, (Math.max(width, height) + ANALYSIS_SIDE - 1) / ANALYSIS_SIDE);
        int gw = Math.max(1, width / k);
        int gh = Math.max(1, height / k);
        float[] gray = analysisLuma(rgb, width, height, k, gw, gh);

        double sigma = noiseSigma(gray, gw, gh);
        double edgeWidth = edgeWidth(gray, gw, gh, Math.max(2, 3 * sigma));
        double shrink = Math.max(1, edgeWidth / 2);
        int effectiveShort = Math.max(1, (int) (Math.min(width, height) / shrink));
        int byResolution = effectiveShort / RenderFactor.BASE;
        int penalty = (int) Math.max(0, Math.min(12, Math.round(1.5 * (sigma - 2))));
        int factor =
                Math.max(RenderFactor.MIN, Math.min(RenderFactor.MAX, Math.min(cardDefault, byResolution) - penalty));
        String reason = String.format(
                java.util.Locale.ROOT,
                "auto render factor %d: card default %d, edge width %.1f px, effective short side %d px, noise"
                        + " sigma %.1f (penalty %d)",
                factor,
                cardDefault,
                edgeWidth,
                effectiveShort,
                sigma,
                penalty);
        return new Choice(factor, sigma, effectiveShort, reason);
    }

    /**
     * Pillow-style luma, box-averaged by {@code k}; pixels beyond the last full box are ignored. The
     * only pass over the whole photo here, so it runs in bands of box rows on the common pool (integer
     * sums: the result does not depend on the split).
     */
    static float[] analysisLuma(int[] rgb, int w, int h, int k, int gw, int gh) {
        int[] sum = new int[gw * gh];
        int boxRows = Math.min(gh, h / k + (h % k == 0 ? 0 : 1));
        int usedBoxes = Math.min(gw, w / k);
        ParallelLoops.forRange(boxRows, (long) k * w, (b0, b1) -> {
            for (int y = b0 * k; y < Math.min(h, b1 * k); y++) {
                int row = (y / k) * gw;
                int p = y * w;
                for (int bx = 0; bx < usedBoxes; bx++) {
                    int acc = 0;
                    for (int dx = 0; dx < k; dx++, p++) {
                        int c = rgb[p];
                        acc += (19595 * ((c >> 16) & 0xFF) + 38470 * ((c >> 8) & 0xFF) + 7471 * (c & 0xFF) + 32768)
                                >> 16;
                    }
                    sum[row + bx] += acc;
                }
            }
        });
        float[] out = new float[sum.length];
        float inv = 1f / (k * k);
        for (int i = 0; i < sum.length; i++) {
            out[i] = sum[i] * inv;
        }
        return out;
    }

    /** Median absolute Immerkær response, scaled to a Gaussian sigma. */
    static double noiseSigma(float[] g, int w, int h) {
        if (w < 3 || h < 3) {
            return 0;
        }
        // Histogram median in steps of 1/8 gray level: exact enough, linear time.
        int bins = 8 * 1024;
        int[] hist = new int[bins + 1];
        long n = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                float r = g[i - w - 1]
                        - 2 * g[i - w]
                        + g[i - w + 1]
                        - 2 * g[i - 1]
                        + 4 * g[i]
                        - 2 * g[i + 1]
                        + g[i + w - 1]
                        - 2 * g[i + w]
                        + g[i + w + 1];
                hist[Math.min(bins, (int) (Math.abs(r) * 8))]++;
                n++;
            }
        }
        long half = (n + 1) / 2;
        long seen = 0;
        for (int b = 0; b <= bins; b++) {
            seen += hist[b];
            if (seen >= half) {
                return (b + 0.5) / 8 / MAD_TO_SIGMA;
            }
        }
        return bins / 8.0 / MAD_TO_SIGMA;
    }

    /**
     * Crete et al.'s blur measure turned into an edge width: 1–2 for sharp photos, about twice the
     * ramp width for blurred or enlarged ones.
     */
    static double edgeWidth(float[] g, int w, int h, double threshold) {
        double m = Math.max(blurAlong(g, w, h, threshold, true), blurAlong(g, w, h, threshold, false));
        return 8 * m / (1 - Math.min(m, 0.99));
    }

    private static double blurAlong(float[] g, int w, int h, double threshold, boolean horizontal) {
        int n = horizontal ? w : h;
        int lines = horizontal ? h : w;
        if (n < 2) {
            return 0;
        }
        float[] line = new float[n];
        float[] blurred = new float[n];
        double sumOriginal = 0;
        double sumLost = 0;
        for (int j = 0; j < lines; j++) {
            for (int i = 0; i < n; i++) {
                line[i] = horizontal ? g[j * w + i] : g[i * w + j];
            }
            boxBlur(line, blurred, BLUR_RADIUS);
            for (int i = 1; i < n; i++) {
                double d = Math.abs(line[i] - line[i - 1]);
                if (d < threshold) {
                    continue;
                }
                sumOriginal += d;
                sumLost += Math.max(0, d - Math.abs(blurred[i] - blurred[i - 1]));
            }
        }
        // No edge at all (a blank page): nothing is blurred that the model could recover.
        return sumOriginal == 0 ? 0 : (sumOriginal - sumLost) / sumOriginal;
    }

    /** Box average of width 2r+1 with clamped borders, by a running sum. */
    private static void boxBlur(float[] in, float[] out, int r) {
        int n = in.length;
        double sum = 0;
        for (int t = -r; t <= r; t++) {
            sum += in[Math.min(n - 1, Math.max(0, t))];
        }
        float inv = 1f / (2 * r + 1);
        for (int i = 0; i < n; i++) {
            out[i] = (float) (sum * inv);
            sum += in[Math.min(n - 1, i + r + 1)] - in[Math.max(0, i - r)];
        }
    }
}
