package io.github.colorize.cli.internal.eval;

import io.github.colorize.internal.color.Lab;
import io.github.colorize.internal.color.LabConverter;
import io.github.colorize.internal.color.LabVariant;
import java.util.Arrays;

/**
 * The evaluation's gray input and its two baselines, all made from a colour photo's CIE L* (exact
 * sRGB/D65 Lab, {@link LabVariant#EXACT}):
 *
 * <ul>
 *   <li><b>gray</b>: L* with a* = b* = 0, back to sRGB. This is also the model's input: the photo's
 *       luminance as a black-and-white print would keep it;
 *   <li><b>sepia</b>: L* with one constant warm tone, a* = {@value #SEPIA_A}, b* = {@value #SEPIA_B}
 *       (hue about 72°, chroma about 19: a light sepia print), back to sRGB with clipping.
 * </ul>
 *
 * <p>Stateless, thread-safe.
 */
public final class Baselines {

    /** The sepia baseline's a*. */
    public static final float SEPIA_A = 6f;
    /** The sepia baseline's b*. */
    public static final float SEPIA_B = 18f;

    private static final LabConverter LAB = Lab.converter(LabVariant.EXACT);

    private Baselines() {}

    /**
     * The photo's L* plane.
     *
     * @param rgb packed pixels
     * @return L* per pixel, 0–100
     */
    public static float[] lightness(int[] rgb) {
        float[] l = new float[rgb.length];
        LAB.rgbToLab(rgb, l, new float[rgb.length], new float[rgb.length]);
        return l;
    }

    /**
     * L* with no chroma, as sRGB.
     *
     * @param lightness L* per pixel
     * @return packed gray pixels
     */
    public static int[] gray(float[] lightness) {
        return withConstantChroma(lightness, 0f, 0f);
    }

    /**
     * L* with the constant sepia tone, as sRGB.
     *
     * @param lightness L* per pixel
     * @return packed pixels
     */
    public static int[] sepia(float[] lightness) {
        return withConstantChroma(lightness, SEPIA_A, SEPIA_B);
    }

    private static int[] withConstantChroma(float[] lightness, float a, float b) {
        float[] as = new float[lightness.length];
        float[] bs = new float[lightness.length];
        Arrays.fill(as, a);
        Arrays.fill(bs, b);
        return LAB.labToRgb(lightness, as, bs);
    }
}
