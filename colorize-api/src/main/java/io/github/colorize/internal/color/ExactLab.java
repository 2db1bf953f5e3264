package io.github.colorize.internal.color;

/**
 * {@link LabVariant#EXACT}: CIE Lab with exact ε and κ and the white point taken as the row sums of
 * the sRGB→XYZ matrix, so that neutral grays map to a = b = 0 (to within double rounding) and (L,0,0)
 * maps back to a neutral gray. Neutral input (r = g = b) gives exactly a = b = 0 and (L, 0, 0) gives
 * exactly r = g = b: both take a shortcut that skips the matrix, whose rounding would otherwise leave
 * a ≈ 1e-14. Immutable and thread-safe.
 */
final class ExactLab extends AnalyticLab {

    private static final SrgbQuantizer QUANTIZER = new SrgbQuantizer(Srgb::fromLinearExact);

    static final ExactLab INSTANCE = new ExactLab();

    private static final double EPSILON = 216.0 / 24389.0;
    private static final double KAPPA = 24389.0 / 27.0;
    private static final double F_THRESHOLD = 6.0 / 29.0;

    private ExactLab() {
        super(rowSum(0), rowSum(1), rowSum(2), true);
    }

    private static double rowSum(int row) {
        double[] r = Srgb.RGB_TO_XYZ[row];
        return r[0] + r[1] + r[2];
    }

    @Override
    public LabVariant variant() {
        return LabVariant.EXACT;
    }

    @Override
    double f(double t) {
        return t > EPSILON ? Math.cbrt(t) : (KAPPA * t + 16.0) / 116.0;
    }

    @Override
    double fFast(double t) {
        return t > EPSILON ? fastCbrt(t) : (KAPPA * t + 16.0) / 116.0;
    }

    @Override
    SrgbQuantizer quantizer() {
        return QUANTIZER;
    }

    @Override
    double fInverse(double v) {
        return v > F_THRESHOLD ? v * v * v : (116.0 * v - 16.0) / KAPPA;
    }

    @Override
    double encode(double linear) {
        return Srgb.fromLinearExact(linear);
    }

    @Override
    double linear8(int code) {
        return Srgb.linear8(code);
    }
}
