package io.github.colorize.internal.render;

import io.github.colorize.RenderFactor;
import java.util.Arrays;

/**
 * Chooses a render factor per photo when the caller asks for {@link RenderFactor#auto()}, following
 * DeOldify's guidance: lower factors for small, blurred or noisy scans (faster, more vivid, and the
 * model is not asked for detail the photo does not have); the card's default for good photos.
 *
 * <p><b>The rule.</b> The photo's luma is box-averaged to at most {@value #ANALYSIS_SIDE} px on its
 * long side (factor {@code k}). On that copy:
 *
 * <ol>
 *   <li><b>Noise</b> σ: the median absolute response of Immerkær's noise kernel {@code [1 -2 1; -2 4
 *       -2; 1 -2 1]}, divided by {@code 6 × 0.6745} (robust to edges), in gray levels.
 *   <li><b>Effective resolution</b>: for {@code f = 2, 4, 8} the copy is box-averaged by {@code f} and
 *       bilinearly enlarged back; if the 90th percentile of the 16 × 16-block RMS difference stays
 *       below {@code 1.5 + 1.2σ} gray levels, the photo holds no detail finer than {@code f} pixels and
 *       its effective short side shrinks by {@code f}. The first {@code f} that loses detail stops
 *       the search.
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

    private static final int BLOCK = 16;
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
        double threshold = 1.5 + 1.2 * sigma;
        int detailScale = 1;
        for (int f = 2; f <= 8; f *= 2) {
            if (gw / f < 2 || gh / f < 2 || detailLoss(gray, gw, gh, f) > threshold) {
                break;
            }
            detailScale = f;
        }
        int effectiveShort = Math.max(1, Math.min(width, height) / detailScale);
        int byResolution = effectiveShort / RenderFactor.BASE;
        int penalty = (int) Math.max(0, Math.min(12, Math.round(1.5 * (sigma - 2))));
        int factor =
                Math.max(RenderFactor.MIN, Math.min(RenderFactor.MAX, Math.min(cardDefault, byResolution) - penalty));
        String reason = String.format(
                java.util.Locale.ROOT,
                "auto render factor %d: card default %d, effective short side %d px (detail down to 1/%d), noise"
                        + " sigma %.1f (penalty %d)",
                factor,
                cardDefault,
                effectiveShort,
                detailScale,
                sigma,
                penalty);
        return new Choice(factor, sigma, effectiveShort, reason);
    }

    /** Pillow-style luma, box-averaged by {@code k}; pixels beyond the last full box are ignored. */
    static float[] analysisLuma(int[] rgb, int w, int h, int k, int gw, int gh) {
        float[] sum = new float[gw * gh];
        int usedW = Math.min(w, gw * k);
        int usedH = Math.min(h, gh * k);
        for (int y = 0; y < usedH; y++) {
            int row = (y / k) * gw;
            int base = y * w;
            for (int x = 0; x < usedW; x++) {
                int p = rgb[base + x];
                int luma = (19595 * ((p >> 16) & 0xFF) + 38470 * ((p >> 8) & 0xFF) + 7471 * (p & 0xFF) + 32768) >> 16;
                sum[row + x / k] += luma;
            }
        }
        float inv = 1f / (k * k);
        for (int i = 0; i < sum.length; i++) {
            sum[i] *= inv;
        }
        return sum;
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

    /** 90th percentile of block RMS between the image and its down-by-f, bilinear-up-by-f copy. */
    static double detailLoss(float[] g, int w, int h, int f) {
        int sw = w / f;
        int sh = h / f;
        float[] small = new float[sw * sh];
        for (int y = 0; y < sh * f; y++) {
            for (int x = 0; x < sw * f; x++) {
                small[(y / f) * sw + x / f] += g[y * w + x];
            }
        }
        float inv = 1f / (f * f);
        for (int i = 0; i < small.length; i++) {
            small[i] *= inv;
        }
        int uw = sw * f;
        int uh = sh * f;
        int bx = Math.max(1, uw / BLOCK);
        int by = Math.max(1, uh / BLOCK);
        double[] blockSum = new double[bx * by];
        int[] blockCount = new int[bx * by];
        for (int y = 0; y < uh; y++) {
            double sy = Math.max(0, (y + 0.5) / f - 0.5);
            int y0 = Math.min((int) sy, sh - 1);
            int y1 = Math.min(y0 + 1, sh - 1);
            double ty = sy - y0;
            int block = Math.min(y / BLOCK, by - 1) * bx;
            for (int x = 0; x < uw; x++) {
                double sx = Math.max(0, (x + 0.5) / f - 0.5);
                int x0 = Math.min((int) sx, sw - 1);
                int x1 = Math.min(x0 + 1, sw - 1);
                double tx = sx - x0;
                double top = small[y0 * sw + x0] * (1 - tx) + small[y0 * sw + x1] * tx;
                double bottom = small[y1 * sw + x0] * (1 - tx) + small[y1 * sw + x1] * tx;
                double d = g[y * w + x] - (top * (1 - ty) + bottom * ty);
                int b = block + Math.min(x / BLOCK, bx - 1);
                blockSum[b] += d * d;
                blockCount[b]++;
            }
        }
        double[] rms = new double[blockSum.length];
        for (int i = 0; i < rms.length; i++) {
            rms[i] = Math.sqrt(blockSum[i] / Math.max(1, blockCount[i]));
        }
        Arrays.sort(rms);
        return rms[(int) Math.min(rms.length - 1, Math.floor(0.9 * rms.length))];
    }
}
