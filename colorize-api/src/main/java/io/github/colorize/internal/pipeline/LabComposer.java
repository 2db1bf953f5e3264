package io.github.colorize.internal.pipeline;

import io.github.colorize.internal.color.Lab;
import io.github.colorize.internal.color.LabConverter;
import io.github.colorize.internal.color.LabVariant;
import java.util.Arrays;

/**
 * Reference-fidelity Lab arithmetic pixel by pixel, for the places where the bulk toolkit's rounding is
 * not the reference's: how 8-bit input becomes [0, 1] (scikit-image multiplies by 1/255, DDColor divides
 * by 255 and narrows to float32), whether L is held in float32, and how [0, 1] becomes bytes (truncation
 * after a float32 multiply for matplotlib's {@code imsave}, round-half-even for NumPy {@code round}).
 */
final class LabComposer {

    /** How a [0, 1] channel becomes a byte. */
    enum Quantiser {
        /** {@code uint8(float32(x) * 255)}: matplotlib {@code imsave} of a float32 image (ECCV16 demo). */
        TRUNCATE_FLOAT {
            @Override
            int apply(double x) {
                return clamp((int) ((float) x * 255f));
            }
        },
        /** {@code round(float32(x) * 255)}, half to even: DDColor's {@code (bgr * 255.0).round()}. */
        ROUND_FLOAT {
            @Override
            int apply(double x) {
                return clamp((int) Math.rint((float) x * 255f));
            }
        },
        /** {@code round(x * 255)} in double, half to even. */
        ROUND_DOUBLE {
            @Override
            int apply(double x) {
                return clamp((int) Math.rint(x * 255.0));
            }
        };

        abstract int apply(double x);

        private static int clamp(int v) {
            return v < 0 ? 0 : Math.min(v, 255);
        }
    }

    private LabComposer() {}

    /**
     * The 8-bit channel value as the reference library sees it in [0, 1]: scikit-image multiplies by
     * {@code 1/255} in double; DDColor computes {@code float32(v / 255.0)}.
     */
    static double unit(int v, LabVariant variant) {
        return switch (variant) {
            case SKIMAGE -> v * (1.0 / 255);
            case OPENCV -> (float) (v / 255.0);
            case EXACT -> v / 255.0;
        };
    }

    /**
     * L* of every pixel, computed in double with the variant's own input scaling; {@code asFloat}
     * narrows each value to float32 as the reference does when it stores L in a float32 tensor.
     */
    static double[] lightness(int[] rgb, LabVariant variant, boolean asFloat) {
        LabConverter conv = Lab.converter(variant);
        double[] grayCache = new double[256];
        Arrays.fill(grayCache, Double.NaN);
        double[] l = new double[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            int r = (p >>> 16) & 0xFF;
            int g = (p >>> 8) & 0xFF;
            int b = p & 0xFF;
            double v;
            if (r == g && g == b && !Double.isNaN(grayCache[r])) {
                v = grayCache[r]; // black-and-white photos: 256 distinct values at most
            } else {
                v = conv.rgbToLab(unit(r, variant), unit(g, variant), unit(b, variant))[0];
                if (asFloat) {
                    v = (float) v;
                }
                if (r == g && g == b) {
                    grayCache[r] = v;
                }
            }
            l[i] = v;
        }
        return l;
    }

    /**
     * Lab to packed RGB pixel by pixel: {@code (l, a·s, b·s)} through the converter, each channel
     * quantised with {@code q}.
     */
    static int[] compose(double[] l, float[] a, float[] b, float strength, LabVariant variant, Quantiser q) {
        LabConverter conv = Lab.converter(variant);
        int[] out = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            float ai = strength == 1f ? a[i] : a[i] * strength;
            float bi = strength == 1f ? b[i] : b[i] * strength;
            double[] c = conv.labToRgb(l[i], ai, bi);
            out[i] = (q.apply(c[0]) << 16) | (q.apply(c[1]) << 8) | q.apply(c[2]);
        }
        return out;
    }
}
