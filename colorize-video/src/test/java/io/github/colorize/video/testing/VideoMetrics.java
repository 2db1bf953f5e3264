package io.github.colorize.video.testing;

import io.github.colorize.internal.color.Lab;
import io.github.colorize.internal.color.LabConverter;
import io.github.colorize.internal.color.LabVariant;

/**
 * The figures the video work is judged by (reference-pipelines §7.1), over packed {@code 0xRRGGBB}
 * frames. Not thread-safe: accumulates over a film, frames in order.
 *
 * <ul>
 *   <li>PSNR: uint8 RGB, all pixels and channels, {@code 20·log10(255/√MSE)} per frame, averaged over
 *       frames (basicsr's definition, no border crop);
 *   <li>colourfulness: Hasler and Süsstrunk's M^(3) with DDColor's absolute-value variant, per frame,
 *       averaged;
 *   <li>flicker: the mean, over consecutive frame pairs, of the mean change of the output's CIE a*b*
 *       ({@code √(Δa² + Δb²)}) over the pixels where the reference's colour does not change (its
 *       L*a*b* moves by less than {@value #STILL} in each of L*, a*, b*).
 * </ul>
 */
public final class VideoMetrics {

    /** Largest L*, a* or b* change of a reference pixel that still counts as "not changing". */
    public static final double STILL = 2.0;

    private static final LabConverter LAB = Lab.converter(LabVariant.EXACT);

    private double psnrSum;
    private double cfSum;
    private long frames;
    private double flickerSum;
    private long flickerPairs;
    private double stillShareSum;
    private float[][] prevRef;
    private float[][] prevOut;

    /**
     * Adds a frame.
     *
     * @param reference the ground truth (or, without one, the input: then only the flicker mask uses it)
     * @param output the colourised frame
     */
    public void add(int[] reference, int[] output) {
        psnrSum += psnr(reference, output);
        cfSum += colorfulness(output);
        frames++;
        float[][] ref = lab(reference);
        float[][] out = lab(output);
        if (prevRef != null) {
            double sum = 0;
            long still = 0;
            for (int i = 0; i < reference.length; i++) {
                if (Math.abs(ref[0][i] - prevRef[0][i]) < STILL
                        && Math.abs(ref[1][i] - prevRef[1][i]) < STILL
                        && Math.abs(ref[2][i] - prevRef[2][i]) < STILL) {
                    double da = out[1][i] - prevOut[1][i];
                    double db = out[2][i] - prevOut[2][i];
                    sum += Math.sqrt(da * da + db * db);
                    still++;
                }
            }
            if (still > 0) {
                flickerSum += sum / still;
                flickerPairs++;
                stillShareSum += still / (double) reference.length;
            }
        }
        prevRef = ref;
        prevOut = out;
    }

    /** @return mean PSNR in dB */
    public double psnr() {
        return psnrSum / frames;
    }

    /** @return mean colourfulness */
    public double colorfulness() {
        return cfSum / frames;
    }

    /** @return the flicker figure (a*b* units per frame) */
    public double flicker() {
        return flickerPairs == 0 ? 0 : flickerSum / flickerPairs;
    }

    /** @return the mean share of pixels counted as still */
    public double stillShare() {
        return flickerPairs == 0 ? 0 : stillShareSum / flickerPairs;
    }

    /** @return frames added */
    public long frames() {
        return frames;
    }

    /** PSNR of one frame (uint8 RGB, capped at 100 dB for identical frames). */
    public static double psnr(int[] a, int[] b) {
        double se = 0;
        for (int i = 0; i < a.length; i++) {
            for (int s = 0; s <= 16; s += 8) {
                int d = ((a[i] >> s) & 0xFF) - ((b[i] >> s) & 0xFF);
                se += d * d;
            }
        }
        double mse = se / (3.0 * a.length);
        return mse == 0 ? 100 : 20 * Math.log10(255 / Math.sqrt(mse));
    }

    /** Colourfulness M^(3), DDColor's absolute-value variant, population statistics. */
    public static double colorfulness(int[] rgb) {
        double sumRg = 0;
        double sumYb = 0;
        double sqRg = 0;
        double sqYb = 0;
        for (int p : rgb) {
            int r = (p >> 16) & 0xFF;
            int g = (p >> 8) & 0xFF;
            int b = p & 0xFF;
            double rg = Math.abs(r - g);
            double yb = Math.abs(0.5 * (r + g) - b);
            sumRg += rg;
            sumYb += yb;
            sqRg += rg * rg;
            sqYb += yb * yb;
        }
        int n = rgb.length;
        double mRg = sumRg / n;
        double mYb = sumYb / n;
        double vRg = Math.max(0, sqRg / n - mRg * mRg);
        double vYb = Math.max(0, sqYb / n - mYb * mYb);
        return Math.sqrt(vRg + vYb) + 0.3 * Math.sqrt(mRg * mRg + mYb * mYb);
    }

    private static float[][] lab(int[] rgb) {
        float[][] p = new float[3][rgb.length];
        LAB.rgbToLab(rgb, p[0], p[1], p[2]);
        return p;
    }
}
