package io.github.colorize.video.internal.stabilize;

import io.github.colorize.internal.color.Srgb;

/**
 * The toolkit's {@code LabVariant.EXACT} arithmetic (same sRGB matrix, white point and CIE
 * constants) with its three transcendental functions, the cube root, its inverse branch and the
 * sRGB encoding curve, read from interpolated tables: about five times faster at full video
 * resolution, and within 0.01 L*a*b* units and one 8-bit step of the toolkit (checked by a test
 * against it). Used only to put stabilised chroma under each frame's own lightness, which touches
 * every pixel of every frame. Stateless and thread-safe.
 */
final class FastLab {

    private static final double[][] M = Srgb.rgbToXyz();
    private static final double XN = M[0][0] + M[0][1] + M[0][2];
    private static final double YN = M[1][0] + M[1][1] + M[1][2];
    private static final double ZN = M[2][0] + M[2][1] + M[2][2];
    private static final double[][] INV = Srgb.invert(M);

    private static final double EPSILON = 216.0 / 24389.0;
    private static final double KAPPA = 24389.0 / 27.0;
    private static final double F_THRESHOLD = 6.0 / 29.0;

    private static final int STEPS = 8192;
    /** {@code f(t)} of CIE Lab on [0, 1.1] (XYZ over white slightly exceeds 1 for saturated colours). */
    private static final double F_MAX = 1.1;

    private static final double[] LINEAR = new double[256];
    private static final double[] F = new double[STEPS + 2];
    private static final double[] ENCODE = new double[STEPS + 2];

    static {
        for (int i = 0; i < 256; i++) {
            LINEAR[i] = Srgb.toLinear(i / 255.0);
        }
        for (int i = 0; i <= STEPS + 1; i++) {
            double t = F_MAX * i / STEPS;
            F[i] = t > EPSILON ? Math.cbrt(t) : (KAPPA * t + 16.0) / 116.0;
            ENCODE[i] = Srgb.fromLinear((double) i / STEPS);
        }
    }

    private FastLab() {}

    /** {@code f(t)}, exactly for out-of-table values. */
    static double f(double t) {
        if (t < 0 || t >= F_MAX) {
            return t > EPSILON ? Math.cbrt(t) : (KAPPA * t + 16.0) / 116.0;
        }
        double x = t * (STEPS / F_MAX);
        int i = (int) x;
        double frac = x - i;
        return F[i] + (F[i + 1] - F[i]) * frac;
    }

    /** Encoded sRGB of linear light, clipped to [0, 1]. */
    static double encode(double c) {
        if (c <= 0) {
            return 0;
        }
        if (c >= 1) {
            return 1;
        }
        double x = c * STEPS;
        int i = (int) x;
        double frac = x - i;
        return ENCODE[i] + (ENCODE[i + 1] - ENCODE[i]) * frac;
    }

    private static double fInverse(double v) {
        return v > F_THRESHOLD ? v * v * v : (116.0 * v - 16.0) / KAPPA;
    }

    /** CIE L* of a packed pixel. */
    static double lightness(int p) {
        double y = (M[1][0] * LINEAR[(p >> 16) & 0xFF] + M[1][1] * LINEAR[(p >> 8) & 0xFF] + M[1][2] * LINEAR[p & 0xFF])
                / YN;
        return 116.0 * f(y) - 16.0;
    }

    /**
     * CIE L*a*b* of a packed pixel.
     *
     * @param p packed {@code 0xRRGGBB}
     * @param out receives L, a, b
     */
    static void lab(int p, double[] out) {
        double r = LINEAR[(p >> 16) & 0xFF];
        double g = LINEAR[(p >> 8) & 0xFF];
        double b = LINEAR[p & 0xFF];
        double fx = f((M[0][0] * r + M[0][1] * g + M[0][2] * b) / XN);
        double fy = f((M[1][0] * r + M[1][1] * g + M[1][2] * b) / YN);
        double fz = f((M[2][0] * r + M[2][1] * g + M[2][2] * b) / ZN);
        out[0] = 116.0 * fy - 16.0;
        out[1] = 500.0 * (fx - fy);
        out[2] = 200.0 * (fy - fz);
    }

    /**
     * The packed pixel of a Lab colour, clipped to the sRGB gamut channel by channel and rounded half
     * to even, as the toolkit does.
     */
    static int rgb(double l, double a, double b) {
        double[] parts = new double[PARTS];
        lightnessParts(l, parts, 0);
        return rgb(parts, 0, a, b);
    }

    /** Values {@link #lightnessParts} writes. */
    static final int PARTS = 4;

    /**
     * The terms of {@link #rgb(double, double, double)} that depend on L* alone, so that pixels of
     * the same lightness (every pixel of a gray frame shares one of 256) compute them once.
     *
     * @param l L*
     * @param out receives {@link #PARTS} values from {@code at}
     * @param at where in {@code out}
     */
    static void lightnessParts(double l, double[] out, int at) {
        double fy = (l + 16.0) / 116.0;
        double y = fInverse(fy) * YN;
        out[at] = fy;
        out[at + 1] = INV[0][1] * y;
        out[at + 2] = INV[1][1] * y;
        out[at + 3] = INV[2][1] * y;
    }

    /**
     * {@link #rgb(double, double, double)} from its lightness terms: the same arithmetic in the same
     * order, so the same pixel.
     *
     * @param parts from {@link #lightnessParts}
     * @param at where in {@code parts}
     * @param a a*
     * @param b b*
     * @return the packed pixel
     */
    static int rgb(double[] parts, int at, double a, double b) {
        double fy = parts[at];
        double x = fInverse(a / 500.0 + fy) * XN;
        double z = fInverse(fy - b / 200.0) * ZN;
        int r8 = to8(encode(INV[0][0] * x + parts[at + 1] + INV[0][2] * z));
        int g8 = to8(encode(INV[1][0] * x + parts[at + 2] + INV[1][2] * z));
        int b8 = to8(encode(INV[2][0] * x + parts[at + 3] + INV[2][2] * z));
        return r8 << 16 | g8 << 8 | b8;
    }

    private static int to8(double v) {
        return (int) Math.rint(255 * v);
    }
}
