package io.github.colorize.internal.pipeline;

/**
 * Deterministic stand-ins for the real networks, identical operation for operation to the fake models
 * in {@code tools/golden/make_pipeline_golden.py}: every value is a fixed sequence of single float32
 * multiplies and adds, so Java and NumPy produce the same bits (the golden test checks the SHA-256).
 * They depend on position (a ripple) as well as on the input, so resampling mistakes show.
 */
final class FakeModels {

    private FakeModels() {}

    /** {@code (((7x + 13y) mod 23) − 11) / 8}, exact in float32. */
    static float ripple(int y, int x) {
        return (float) (((7 * x + 13 * y) % 23) - 11) / 8f;
    }

    /** DeOldify generator: normalised gray {@code [1,3,S,S]} in, normalised RGB out. */
    static Tensor deOldifyNormalized(Tensor in) {
        return perChannel(
                in,
                new float[] {1.1f, 0.9f, 0.7f},
                new float[] {0.3f, -0.1f, -0.4f},
                new float[] {0.15f, -0.1f, 0.2f},
                false);
    }

    /** DeOldify 0–255 export: gray 0–255 in, RGB 0–255 out, clamped like the export wrapper. */
    static Tensor deOldifyBytes(Tensor in) {
        return perChannel(
                in,
                new float[] {1.05f, 0.93f, 0.71f},
                new float[] {18.5f, -3.25f, -27.75f},
                new float[] {6.5f, -4.25f, 9.0f},
                true);
    }

    private static Tensor perChannel(Tensor in, float[] a, float[] b, float[] c, boolean clamp) {
        int h = in.dim(2);
        int w = in.dim(3);
        float[] x = in.data();
        float[] out = new float[x.length];
        for (int k = 0; k < 3; k++) {
            for (int y = 0; y < h; y++) {
                for (int xx = 0; xx < w; xx++) {
                    int i = k * w * h + y * w + xx;
                    float v = x[i] * a[k] + b[k] + c[k] * ripple(y, xx);
                    out[i] = clamp ? Math.min(Math.max(v, 0f), 255f) : v;
                }
            }
        }
        return new Tensor("output", new long[] {1, 3, h, w}, out);
    }

    /** DDColor: gray RGB in [0, 1] {@code [1,3,S,S]} in, a*b* {@code [1,2,S,S]} out. */
    static Tensor ddColor(Tensor in) {
        int h = in.dim(2);
        int w = in.dim(3);
        int n = w * h;
        float[] x = in.data();
        float[] out = new float[2 * n];
        for (int y = 0; y < h; y++) {
            for (int xx = 0; xx < w; xx++) {
                int i = y * w + xx;
                float r = ripple(y, xx);
                out[i] = (x[i] - 0.5f) * 64f + 9f * r;
                out[n + i] = (0.45f - x[2 * n + i]) * 80f + 6f * r;
            }
        }
        return new Tensor("output", new long[] {1, 2, h, w}, out);
    }

    /** ECCV16: L* {@code [1,1,S,S]} in, a*b* {@code [1,2,S,S]} out. */
    static Tensor eccv16(Tensor l) {
        return richZhang(l, null, null);
    }

    /** SIGGRAPH17: L*, hint a*b* and mask in; hints and mask enter the output so non-zeros would show. */
    static Tensor siggraph17(Tensor l, Tensor hint, Tensor mask) {
        return richZhang(l, hint, mask);
    }

    private static Tensor richZhang(Tensor in, Tensor hint, Tensor mask) {
        int h = in.dim(2);
        int w = in.dim(3);
        int n = w * h;
        float[] l = in.data();
        float[] out = new float[2 * n];
        for (int y = 0; y < h; y++) {
            for (int xx = 0; xx < w; xx++) {
                int i = y * w + xx;
                float r = ripple(y, xx);
                float a = (l[i] - 50f) * 0.9f + 10f * r;
                float b = (60f - l[i]) * 1.2f + 12f * r;
                if (hint != null) {
                    a = a + hint.data()[i] * 2f + mask.data()[i] * 3f;
                    b = b + hint.data()[n + i] * 2f + mask.data()[i] * 3f;
                }
                out[i] = a;
                out[n + i] = b;
            }
        }
        return new Tensor("ab", new long[] {1, 2, h, w}, out);
    }

    /** The chroma model: L* ÷ 100 {@code [1,1,H,W]} in, a*b* {@code [1,2,H/4,W/4]} from a 4×4 mean pool. */
    static Tensor chroma(Tensor in) {
        int h = in.dim(2);
        int w = in.dim(3);
        int qh = h / 4;
        int qw = w / 4;
        int n = qw * qh;
        float[] l = in.data();
        float[] out = new float[2 * n];
        for (int y = 0; y < qh; y++) {
            for (int x = 0; x < qw; x++) {
                float s = 0f;
                for (int dy = 0; dy < 4; dy++) {
                    for (int dx = 0; dx < 4; dx++) {
                        s = s + l[(4 * y + dy) * w + 4 * x + dx];
                    }
                }
                float m = s * 0.0625f;
                float r = ripple(y, x);
                out[y * qw + x] = (m - 0.5f) * 70f + 8f * r;
                out[n + y * qw + x] = (0.55f - m) * 90f + 5f * r;
            }
        }
        return new Tensor("ab", new long[] {1, 2, qh, qw}, out);
    }
}
