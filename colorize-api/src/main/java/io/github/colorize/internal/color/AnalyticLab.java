package io.github.colorize.internal.color;

/**
 * The double-precision sRGB↔Lab formula shared by {@link LabVariant#EXACT} and {@link
 * LabVariant#SKIMAGE}; the subclasses supply the white point and the linear branch of {@code f}.
 * Immutable and thread-safe.
 */
abstract class AnalyticLab implements LabConverter {

    private static final double[][] M = Srgb.RGB_TO_XYZ;

    private final double xn;
    private final double yn;
    private final double zn;
    private final double[][] inv;
    private final boolean exactNeutrals;

    /** L* of the 256 gray levels, built on first use (see {@link #grayLightness}). */
    private volatile float[] grayL;

    /**
     * @param exactNeutrals whether the white point is the matrix's row sums, so that neutral colours
     *     are exactly a = b = 0 in theory; then grays are computed on a shortcut that keeps this
     *     exact in floating point too (the general path leaves a ≈ 1e-14 from rounding)
     */
    AnalyticLab(double xn, double yn, double zn, boolean exactNeutrals) {
        this.xn = xn;
        this.yn = yn;
        this.zn = zn;
        this.inv = Srgb.invert(M);
        this.exactNeutrals = exactNeutrals;
    }

    /** The forward companding function {@code f(t)} of CIE Lab for this variant. */
    abstract double f(double t);

    /** The inverse of {@link #f(double)}. */
    abstract double fInverse(double v);

    /** The value {@code fz} takes before {@code fInverse}; scikit-image clamps negatives to 0. */
    double clampFz(double fz) {
        return fz;
    }

    /** Linearises an 8-bit code the way this variant's reference does. */
    abstract double linear8(int code);

    /** Encodes linear light to sRGB the way this variant's reference does (no clipping). */
    abstract double encode(double linear);

    /**
     * The forward companding {@code f} for the array path: {@link #f} with a faster cube root (two
     * Halley steps from a bit-level guess, relative error below 1e-14; the result is stored as
     * float32, whose precision is 6e-8).
     */
    abstract double fFast(double t);

    /** The 8-bit output quantiser of this variant's sRGB encoding. */
    abstract SrgbQuantizer quantizer();

    @Override
    public void rgbToLab(int[] rgb, float[] l, float[] a, float[] b) {
        checkLengths(rgb.length, l, a, b);
        ParallelLoops.forRange(rgb.length, (from, to) -> rgbToLabRange(rgb, l, a, b, from, to));
    }

    private void rgbToLabRange(int[] rgb, float[] l, float[] a, float[] b, int from, int to) {
        double m10 = M[1][0], m11 = M[1][1], m12 = M[1][2];
        double m20 = M[2][0], m21 = M[2][1], m22 = M[2][2];
        for (int i = from; i < to; i++) {
            int p = rgb[i];
            double r = linear8((p >> 16) & 0xFF);
            double g = linear8((p >> 8) & 0xFF);
            double bl = linear8(p & 0xFF);
            if (exactNeutrals && r == g && g == bl) {
                l[i] = (float) (116.0 * fFast(r) - 16.0);
                a[i] = 0f;
                b[i] = 0f;
                continue;
            }
            // Same operation order as labFromLinear (sum, then divide by the white).
            double fx = fFast((M[0][0] * r + M[0][1] * g + M[0][2] * bl) / xn);
            double fy = fFast((m10 * r + m11 * g + m12 * bl) / yn);
            double fz = fFast((m20 * r + m21 * g + m22 * bl) / zn);
            l[i] = (float) (116.0 * fy - 16.0);
            a[i] = (float) (500.0 * (fx - fy));
            b[i] = (float) (200.0 * (fy - fz));
        }
    }

    @Override
    public int[] labToRgb(float[] l, float[] a, float[] b) {
        checkLengths(l.length, l, a, b);
        int[] rgb = new int[l.length];
        ParallelLoops.forRange(rgb.length, (from, to) -> labToRgbRange(l, a, b, from, rgb, from, to - from));
        return rgb;
    }

    @Override
    public void labToRgb(float[] l, float[] a, float[] b, int n, int[] rgb, int off) {
        labToRgbRange(l, a, b, 0, rgb, off, n);
    }

    @Override
    public void lightness(int[] rgb, int from, int to, float[] l, int lOff) {
        float[] gray = grayLightness();
        for (int i = from, j = lOff; i < to; i++, j++) {
            int p = rgb[i];
            int r = (p >> 16) & 0xFF;
            // Black-and-white photos are gray pixels almost everywhere: one table load, no cube root.
            l[j] = r == ((p >> 8) & 0xFF) && r == (p & 0xFF) ? gray[r] : lightnessOf(p);
        }
    }

    /** L* of every gray level, computed by {@link #lightnessOf} itself, so the table is exact. */
    private float[] grayLightness() {
        float[] t = grayL;
        if (t == null) {
            t = new float[256];
            for (int v = 0; v < 256; v++) {
                t[v] = lightnessOf(v << 16 | v << 8 | v);
            }
            grayL = t; // a race only computes the same table twice
        }
        return t;
    }

    /** The L of {@link #rgbToLabRange}, same operations in the same order. */
    private float lightnessOf(int p) {
        double r = linear8((p >> 16) & 0xFF);
        double g = linear8((p >> 8) & 0xFF);
        double bl = linear8(p & 0xFF);
        if (exactNeutrals && r == g && g == bl) {
            return (float) (116.0 * fFast(r) - 16.0);
        }
        double fy = fFast((M[1][0] * r + M[1][1] * g + M[1][2] * bl) / yn);
        return (float) (116.0 * fy - 16.0);
    }

    /** Pixels {@code in..in+n} of the planes to {@code out..out+n} of {@code rgb}. */
    private void labToRgbRange(float[] lp, float[] ap, float[] bp, int in, int[] rgb, int out, int n) {
        SrgbQuantizer q = quantizer();
        double[] i0 = inv[0];
        double[] i1 = inv[1];
        double[] i2 = inv[2];
        for (int i = in, o = out; i < in + n; i++, o++) {
            double fy = (lp[i] + 16.0) / 116.0;
            double av = ap[i];
            double bv = bp[i];
            if (exactNeutrals && av == 0 && bv == 0) {
                int v = q.code(fInverse(fy));
                rgb[o] = v << 16 | v << 8 | v;
                continue;
            }
            double fx = av / 500.0 + fy;
            double fz = clampFz(fy - bv / 200.0);
            double x = fInverse(fx) * xn;
            double y = fInverse(fy) * yn;
            double z = fInverse(fz) * zn;
            // quantiser.code(lin) == Srgb.to8(encode(lin)) exactly, without pow
            rgb[o] = q.code(i0[0] * x + i0[1] * y + i0[2] * z) << 16
                    | q.code(i1[0] * x + i1[1] * y + i1[2] * z) << 8
                    | q.code(i2[0] * x + i2[1] * y + i2[2] * z);
        }
    }

    /** Cube root of t in (0.008, 2): bit-level guess, then two Halley steps (cubic convergence). */
    static double fastCbrt(double t) {
        double y = Double.longBitsToDouble(Double.doubleToRawLongBits(t) / 3 + 0x2A9F7893782DA1CEL);
        double y3 = y * y * y;
        y = y * (y3 + 2 * t) / (2 * y3 + t);
        y3 = y * y * y;
        return y * (y3 + 2 * t) / (2 * y3 + t);
    }

    @Override
    public double[] rgbToLab(double r, double g, double b) {
        double[] out = new double[3];
        labFromLinear(Srgb.toLinear(r), Srgb.toLinear(g), Srgb.toLinear(b), out);
        return out;
    }

    @Override
    public double[] labToRgb(double l, double a, double b) {
        double[] out = new double[3];
        rgbFromLab(l, a, b, out);
        for (int k = 0; k < 3; k++) {
            out[k] = out[k] <= 0 ? 0 : Math.min(out[k], 1);
        }
        return out;
    }

    private void labFromLinear(double r, double g, double b, double[] out) {
        if (exactNeutrals && r == g && g == b) {
            out[0] = 116.0 * f(r) - 16.0;
            out[1] = 0.0;
            out[2] = 0.0;
            return;
        }
        double x = (M[0][0] * r + M[0][1] * g + M[0][2] * b) / xn;
        double y = (M[1][0] * r + M[1][1] * g + M[1][2] * b) / yn;
        double z = (M[2][0] * r + M[2][1] * g + M[2][2] * b) / zn;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        out[0] = 116.0 * fy - 16.0;
        out[1] = 500.0 * (fx - fy);
        out[2] = 200.0 * (fy - fz);
    }

    /** Unclipped, encoded sRGB of a Lab colour (callers clip). */
    private void rgbFromLab(double l, double a, double b, double[] out) {
        double fy = (l + 16.0) / 116.0;
        if (exactNeutrals && a == 0 && b == 0) {
            double v = encode(fInverse(fy));
            out[0] = v;
            out[1] = v;
            out[2] = v;
            return;
        }
        double fx = a / 500.0 + fy;
        double fz = clampFz(fy - b / 200.0);
        double x = fInverse(fx) * xn;
        double y = fInverse(fy) * yn;
        double z = fInverse(fz) * zn;
        out[0] = encode(inv[0][0] * x + inv[0][1] * y + inv[0][2] * z);
        out[1] = encode(inv[1][0] * x + inv[1][1] * y + inv[1][2] * z);
        out[2] = encode(inv[2][0] * x + inv[2][1] * y + inv[2][2] * z);
    }

    static void checkLengths(int n, float[] l, float[] a, float[] b) {
        if (l.length != n || a.length != n || b.length != n) {
            throw new IllegalArgumentException(
                    "plane lengths differ: " + n + ", " + l.length + ", " + a.length + ", " + b.length);
        }
    }
}
