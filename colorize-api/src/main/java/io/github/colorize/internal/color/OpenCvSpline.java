package io.github.colorize.internal.color;

/**
 * OpenCV's natural cubic spline through equally spaced samples ({@code splineBuild} and {@code
 * splineInterpolate} of {@code color_lab.cpp}), in float32 as OpenCV computes it with its software
 * floats. Used for the sRGB curve of the OpenCV Lab→RGB conversion. Stateless and thread-safe.
 */
final class OpenCvSpline {

    private OpenCvSpline() {}

    /**
     * Samples of the sRGB encoding curve at {@code i/n}, {@code i = 0..n}, computed in double and
     * rounded to float32.
     */
    static float[] inverseGammaSamples(int n) {
        float[] f = new float[n + 1];
        float scale = 1f / n;
        for (int i = 0; i <= n; i++) {
            double x = i * scale;
            double v = x <= 0.0031308 ? x * 12.92 : Math.pow(x, 1.0 / 2.4) * 1.055 - 0.055;
            f[i] = (float) v;
        }
        return f;
    }

    /**
     * Builds the coefficient table (4 floats per interval) of the spline through {@code f[0..n]}.
     *
     * @param f n + 1 samples
     * @return {@code 4·n} coefficients {@code {a, b, c, d}} per interval
     */
    static float[] build(float[] f) {
        int n = f.length - 1;
        float[] tab = new float[n * 4];
        float cn = 0f;
        for (int i = 1; i < n; i++) {
            float t = (f[i + 1] - f[i] * 2f + f[i - 1]) * 3f;
            float l = 1f / (4f - tab[(i - 1) * 4]);
            tab[i * 4] = l;
            tab[i * 4 + 1] = (t - tab[(i - 1) * 4 + 1]) * l;
        }
        for (int i = n - 1; i >= 0; i--) {
            float c = tab[i * 4 + 1] - tab[i * 4] * cn;
            float b = f[i + 1] - f[i] - (cn + c * 2f) / 3f;
            float d = (cn - c) / 3f;
            tab[i * 4] = f[i];
            tab[i * 4 + 1] = b;
            tab[i * 4 + 2] = c;
            tab[i * 4 + 3] = d;
            cn = c;
        }
        return tab;
    }

    /** Evaluates the spline at {@code x} in [0, n]. */
    static float interpolate(float x, float[] tab, int n) {
        int ix = Math.min(Math.max((int) x, 0), n - 1);
        float t = x - ix;
        int o = ix * 4;
        return ((tab[o + 3] * t + tab[o + 2]) * t + tab[o + 1]) * t + tab[o];
    }
}
