package io.github.colorize.cli.internal.eval;

/**
 * Colourisation quality metrics on packed 8-bit RGB pixels ({@code 0xRRGGBB}, row-major), as the DDColor
 * paper uses them (basicsr's {@code psnr_ssim.py} and {@code colorfulness.py}; Hasler and Süsstrunk
 * 2003 for colourfulness). Stateless, thread-safe.
 */
public final class ImageMetrics {

    private ImageMetrics() {}

    /** Which colourfulness formula. */
    public enum CfVariant {
        /**
         * Absolute differences {@code |R − G|} and {@code |½(R + G) − B|}: DDColor's {@code calculate_cf}
         * (the pyimagesearch variant); use it to compare with the paper's CF.
         */
        ABSOLUTE,
        /** Signed differences, as in Hasler and Süsstrunk's paper (M^(3)). */
        SIGNED
    }

    /**
     * Peak signal-to-noise ratio over all pixels and the three channels, in dB: {@code 20·log10(255 /
     * √MSE)}, MSE in double precision, no border crop (basicsr's {@code calculate_psnr} with {@code
     * crop_border = 0}).
     *
     * @param rgb the image
     * @param reference the ground truth, same length
     * @return the PSNR, or {@link Double#POSITIVE_INFINITY} for identical images
     */
    public static double psnr(int[] rgb, int[] reference) {
        if (rgb.length != reference.length || rgb.length == 0) {
            throw new IllegalArgumentException("images must be non-empty and the same size");
        }
        double sum = 0;
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            int q = reference[i];
            double dr = ((p >> 16) & 0xFF) - ((q >> 16) & 0xFF);
            double dg = ((p >> 8) & 0xFF) - ((q >> 8) & 0xFF);
            double db = (p & 0xFF) - (q & 0xFF);
            sum += dr * dr + dg * dg + db * db;
        }
        double mse = sum / (3.0 * rgb.length);
        return mse == 0 ? Double.POSITIVE_INFINITY : 20 * Math.log10(255.0 / Math.sqrt(mse));
    }

    /**
     * Hasler–Süsstrunk colourfulness: {@code sqrt(σ_rg² + σ_yb²) + 0.3·sqrt(μ_rg² + μ_yb²)} with
     * population standard deviations, on 0–255 values.
     *
     * @param rgb the image
     * @param variant absolute (DDColor) or signed (the paper) differences
     * @return the colourfulness; 0 for a gray image
     */
    public static double colorfulness(int[] rgb, CfVariant variant) {
        if (rgb.length == 0) {
            throw new IllegalArgumentException("empty image");
        }
        boolean abs = variant == CfVariant.ABSOLUTE;
        double sumRg = 0;
        double sumYb = 0;
        for (int p : rgb) {
            sumRg += rg(p, abs);
            sumYb += yb(p, abs);
        }
        double meanRg = sumRg / rgb.length;
        double meanYb = sumYb / rgb.length;
        // Second pass for the variances: no cancellation, as NumPy's std computes them.
        double varRg = 0;
        double varYb = 0;
        for (int p : rgb) {
            double a = rg(p, abs) - meanRg;
            double b = yb(p, abs) - meanYb;
            varRg += a * a;
            varYb += b * b;
        }
        varRg /= rgb.length;
        varYb /= rgb.length;
        return Math.sqrt(varRg + varYb) + 0.3 * Math.sqrt(meanRg * meanRg + meanYb * meanYb);
    }

    private static double rg(int p, boolean abs) {
        double v = ((p >> 16) & 0xFF) - ((p >> 8) & 0xFF);
        return abs ? Math.abs(v) : v;
    }

    private static double yb(int p, boolean abs) {
        double v = 0.5 * (((p >> 16) & 0xFF) + ((p >> 8) & 0xFF)) - (p & 0xFF);
        return abs ? Math.abs(v) : v;
    }
}
