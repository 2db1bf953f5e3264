package io.github.colorize.onnx.internal;

import io.github.colorize.PostProcessing;
import io.github.colorize.internal.pipeline.ColorPipeline;
import io.github.colorize.internal.pipeline.Fidelity;
import io.github.colorize.internal.pipeline.Prepared;
import io.github.colorize.internal.pipeline.Tensor;
import java.util.Map;

/**
 * A test-local colour pipeline for the chroma contract ({@code l} → {@code ab} at a quarter size):
 * nearest-neighbour sampling both ways and a plain tint, so that the backend's own behaviour (threads,
 * closing, provenance) is tested independently of the real pipelines' arithmetic. Strength 0 gives
 * exact gray.
 */
final class LumaTintPipeline implements ColorPipeline {

    @Override
    public Prepared prepare(int[] rgb, int width, int height, int renderFactor, Fidelity fidelity) {
        double s = 16.0 * renderFactor / Math.sqrt((double) width * height);
        int mh = Math.max(32, (int) Math.round(height * s / 32) * 32);
        int mw = Math.max(32, (int) Math.round(width * s / 32) * 32);
        float[] l = new float[mw * mh];
        for (int y = 0; y < mh; y++) {
            int sy = Math.min(height - 1, (int) ((y + 0.5) * height / mh));
            for (int x = 0; x < mw; x++) {
                int sx = Math.min(width - 1, (int) ((x + 0.5) * width / mw));
                l[y * mw + x] = luma(rgb[sy * width + sx]) / 255f;
            }
        }
        Tensor input = new Tensor("l", new long[] {1, 1, mh, mw}, l);
        return new Prepared(input, rgb, width, height, mw, mh, renderFactor, fidelity, Map.of());
    }

    @Override
    public int[] finish(Prepared p, Tensor output, float strength, PostProcessing mode) {
        int oh = output.dim(2);
        int ow = output.dim(3);
        float[] ab = output.data();
        int[] out = new int[p.width() * p.height()];
        for (int y = 0; y < p.height(); y++) {
            int sy = Math.min(oh - 1, (int) ((y + 0.5) * oh / p.height()));
            for (int x = 0; x < p.width(); x++) {
                int sx = Math.min(ow - 1, (int) ((x + 0.5) * ow / p.width()));
                int l = luma(p.originalRgb()[y * p.width() + x]);
                int r = clamp(Math.round(l + strength * ab[sy * ow + sx] / 2));
                int b = clamp(Math.round(l + strength * ab[oh * ow + sy * ow + sx] / 2));
                out[y * p.width() + x] = (r << 16) | (l << 8) | b;
            }
        }
        return out;
    }

    static int luma(int p) {
        return (19595 * ((p >> 16) & 0xFF) + 38470 * ((p >> 8) & 0xFF) + 7471 * (p & 0xFF) + 32768) >> 16;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
