package io.github.colorize.internal.color;

/**
 * {@link LabVariant#SKIMAGE}: scikit-image 0.19's {@code rgb2lab}/{@code lab2rgb} in double
 * precision ({@code skimage/color/colorconv.py}): white (0.95047, 1, 1.08883), {@code f}-threshold 0.008856
 * with {@code 7.787·t + 16/116} below it, inverse threshold 0.2068966, negative {@code fz} clamped
 * to 0 (where scikit-image warns), 8-bit input scaled by {@code c·(1/255)} as {@code img_as_float}
 * does. Immutable and thread-safe.
 */
final class SkimageLab extends AnalyticLab {

    private static final SrgbQuantizer QUANTIZER = new SrgbQuantizer(Srgb::fromLinear);

    static final SkimageLab INSTANCE = new SkimageLab();

    private static final double[] LINEAR_8BIT = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            LINEAR_8BIT[i] = Srgb.toLinear(i * (1.0 / 255));
        }
    }

    private SkimageLab() {
        super(0.95047, 1.0, 1.08883, false);
    }

    @Override
    public LabVariant variant() {
        return LabVariant.SKIMAGE;
    }

    @Override
    double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116.0;
    }

    @Override
    double fFast(double t) {
        return t > 0.008856 ? fastCbrt(t) : 7.787 * t + 16.0 / 116.0;
    }

    @Override
    SrgbQuantizer quantizer() {
        return QUANTIZER;
    }

    @Override
    double fInverse(double v) {
        return v > 0.2068966 ? v * v * v : (v - 16.0 / 116.0) / 7.787;
    }

    @Override
    double clampFz(double fz) {
        return fz < 0 ? 0 : fz;
    }

    @Override
    double encode(double linear) {
        return Srgb.fromLinear(linear);
    }

    @Override
    double linear8(int code) {
        return LINEAR_8BIT[code];
    }
}
