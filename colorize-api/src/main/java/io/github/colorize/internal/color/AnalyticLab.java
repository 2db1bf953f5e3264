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

    @Override
    public void rgbToLab(int[] rgb, float[] l, float[] a, float[] b) {
        checkLengths(rgb.length, l, a, b);
        double[] out = new double[3];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            labFromLinear(linear8((p >> 16) & 0xFF), linear8((p >> 8) & 0xFF), linear8(p & 0xFF), out);
            l[i] = (float) out[0];
            a[i] = (float) out[1];
            b[i] = (float) out[2];
        }
    }

    @Override
    public int[] labToRgb(float[] l, float[] a, float[] b) {
        checkLengths(l.length, l, a, b);
        int[] rgb = new int[l.length];
        double[] out = new double[3];
        for (int i = 0; i < rgb.length; i++) {
            rgbFromLab(l[i], a[i], b[i], out);
            rgb[i] = Srgb.to8(out[0]) << 16 | Srgb.to8(out[1]) << 8 | Srgb.to8(out[2]);
        }
        return rgb;
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
