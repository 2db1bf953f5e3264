package io.github.colorize.internal.color;

/**
 * The sRGB transfer curve and the sRGB→XYZ matrix scikit-image and OpenCV share, in double: one
 * definition for the toolkit's Lab variants and for the video module's table-driven Lab. Stateless and
 * thread-safe.
 */
public final class Srgb {

    /** sRGB (D65) → XYZ, as used by both scikit-image and OpenCV; rows X, Y, Z. */
    static final double[][] RGB_TO_XYZ = {
        {0.412453, 0.357580, 0.180423},
        {0.212671, 0.715160, 0.072169},
        {0.019334, 0.119193, 0.950227}
    };

    /** Linearised values of the 256 8-bit codes ({@code c/255} in double, then the curve). */
    private static final double[] LINEAR_8BIT = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            LINEAR_8BIT[i] = toLinear(i / 255.0);
        }
    }

    private Srgb() {}

    /**
     * The sRGB (D65) → XYZ matrix, rows X, Y, Z.
     *
     * @return a fresh copy, the caller's to keep
     */
    public static double[][] rgbToXyz() {
        double[][] m = new double[3][];
        for (int i = 0; i < 3; i++) {
            m[i] = RGB_TO_XYZ[i].clone();
        }
        return m;
    }

    /**
     * Decodes one sRGB value in [0,1] to linear light.
     *
     * @param c the encoded value
     * @return linear light
     */
    public static double toLinear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /**
     * Encodes linear light to sRGB (no clipping), switching curves at the standard's 0.0031308.
     *
     * @param c linear light
     * @return the encoded value
     */
    public static double fromLinear(double c) {
        return c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
    }

    /**
     * Linear-light value where the encoding switches curves so that it exactly inverts {@link
     * #toLinear}: 0.04045/12.92 = 0.00313080495…, not the standard's rounded 0.0031308. Between the
     * two the standard's formulas disagree by up to 2e-9, enough to spoil a 1e-12 round trip.
     */
    static final double EXACT_ENCODE_KNEE = 0.04045 / 12.92;

    /** Encodes linear light to sRGB (no clipping), the exact inverse of {@link #toLinear}. */
    static double fromLinearExact(double c) {
        return c <= EXACT_ENCODE_KNEE ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
    }

    /** Linear light of an 8-bit code, from a table (same value as {@code toLinear(v / 255.0)}). */
    static double linear8(int v) {
        return LINEAR_8BIT[v];
    }

    /**
     * Inverse of a 3×3 matrix by cofactors, in double.
     *
     * @param m the matrix, not changed
     * @return a new matrix
     */
    public static double[][] invert(double[][] m) {
        double a = m[0][0], b = m[0][1], c = m[0][2];
        double d = m[1][0], e = m[1][1], f = m[1][2];
        double g = m[2][0], h = m[2][1], i = m[2][2];
        double c00 = e * i - f * h, c01 = f * g - d * i, c02 = d * h - e * g;
        double det = a * c00 + b * c01 + c * c02;
        return new double[][] {
            {c00 / det, (c * h - b * i) / det, (b * f - c * e) / det},
            {c01 / det, (a * i - c * g) / det, (c * d - a * f) / det},
            {c02 / det, (b * g - a * h) / det, (a * e - b * d) / det}
        };
    }

    /** Rounds {@code 255·x} half to even after clipping x to [0,1]. */
    static int to8(double x) {
        double v = x <= 0 ? 0 : (x >= 1 ? 255 : 255 * x);
        return (int) Math.rint(v);
    }
}
