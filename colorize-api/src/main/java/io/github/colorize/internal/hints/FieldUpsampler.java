package io.github.colorize.internal.hints;

import io.github.colorize.internal.color.LabConverter;
import io.github.colorize.internal.color.ParallelLoops;
import io.github.colorize.internal.image.TorchInterpolate;
import org.jspecify.annotations.Nullable;

/**
 * Adds a chroma correction computed at a working size to full-resolution pixels: joint bilateral
 * upsampling (Kopf et al. 2007) over the four nearest working pixels, each weighted bilinearly and by
 * how close its lightness is to the full-resolution pixel's, so that the correction follows the
 * photo's own edges rather than the working grid's. Pixels whose correction is under the floor are
 * copied unchanged. Works a row at a time: no full-size plane besides the output. Stateless;
 * thread-safe.
 */
final class FieldUpsampler {

    /** Range weights tabulated per quarter L* step. */
    private static final int STEPS_PER_L = 4;

    private FieldUpsampler() {}

    /**
     * A photo's full-size Lab planes, kept for repeated corrections.
     *
     * @param l L* plane
     * @param a a* plane
     * @param b b* plane
     */
    record FullPlanes(float[] l, float[] a, float[] b) {
        static FullPlanes of(int[] rgb, LabConverter lab) {
            float[] l = new float[rgb.length];
            float[] a = new float[rgb.length];
            float[] b = new float[rgb.length];
            lab.rgbToLab(rgb, l, a, b);
            return new FullPlanes(l, a, b);
        }
    }

    static int[] addField(
            int[] rgb,
            int w,
            int h,
            @Nullable FullPlanes full,
            float[] guide,
            float[] da,
            float[] db,
            int ww,
            int wh,
            int f,
            HintCorrection.Tuning t,
            LabConverter lab) {
        float minDelta = (float) t.minDelta();
        boolean[] activeRow = new boolean[wh];
        for (int j = 0; j < wh; j++) {
            for (int i = j * ww, end = i + ww; i < end; i++) {
                if (Math.abs(da[i]) >= minDelta || Math.abs(db[i]) >= minDelta) {
                    activeRow[j] = true;
                    break;
                }
            }
        }
        // The same half-pixel taps as the model's own chroma upsampling (ChromaRecombiner).
        TorchInterpolate.Axis ax = TorchInterpolate.axis(ww, w);
        TorchInterpolate.Axis ay = TorchInterpolate.axis(wh, h);
        float[] range = rangeTable(t.upsampleSigma());
        int[] out = new int[rgb.length];
        ParallelLoops.forRange(h, 8L * w, (y0, y1) -> {
            int[] row = new int[w];
            float[] l = new float[w];
            float[] a = new float[w];
            float[] b = new float[w];
            boolean[] keep = new boolean[w];
            float[] cl = new float[w];
            float[] ca = new float[w];
            float[] cb = new float[w];
            int[] crgb = new int[w];
            for (int y = y0; y < y1; y++) {
                int off = y * w;
                int j0 = ay.i0()[y];
                int j1 = ay.i1()[y];
                if (!activeRow[j0] && !activeRow[j1]) {
                    System.arraycopy(rgb, off, out, off, w);
                    continue;
                }
                if (full != null) {
                    System.arraycopy(full.l(), off, l, 0, w);
                    System.arraycopy(full.a(), off, a, 0, w);
                    System.arraycopy(full.b(), off, b, 0, w);
                } else {
                    System.arraycopy(rgb, off, row, 0, w);
                    lab.rgbToLab(row, l, a, b);
                }
                float fy = ay.l1()[y];
                for (int x = 0; x < w; x++) {
                    float cx;
                    float cy;
                    if (f == 1) {
                        cx = da[off + x];
                        cy = db[off + x];
                    } else {
                        int i0 = ax.i0()[x];
                        int i1 = ax.i1()[x];
                        float fx = ax.l1()[x];
                        int p00 = j0 * ww + i0;
                        int p01 = j0 * ww + i1;
                        int p10 = j1 * ww + i0;
                        int p11 = j1 * ww + i1;
                        float lx = l[x];
                        float k00 = (1 - fy) * (1 - fx) * weight(range, lx - guide[p00]);
                        float k01 = (1 - fy) * fx * weight(range, lx - guide[p01]);
                        float k10 = fy * (1 - fx) * weight(range, lx - guide[p10]);
                        float k11 = fy * fx * weight(range, lx - guide[p11]);
                        float sum = k00 + k01 + k10 + k11;
                        if (sum < 1e-4f) {
                            k00 = (1 - fy) * (1 - fx);
                            k01 = (1 - fy) * fx;
                            k10 = fy * (1 - fx);
                            k11 = fy * fx;
                            sum = 1f;
                        }
                        float inv = 1f / sum;
                        cx = (k00 * da[p00] + k01 * da[p01] + k10 * da[p10] + k11 * da[p11]) * inv;
                        cy = (k00 * db[p00] + k01 * db[p01] + k10 * db[p10] + k11 * db[p11]) * inv;
                    }
                    keep[x] = Math.abs(cx) < minDelta && Math.abs(cy) < minDelta;
                    a[x] += cx;
                    b[x] += cy;
                }
                // Only the pixels that change are converted back: the rest are copied as they were.
                System.arraycopy(rgb, off, out, off, w);
                int m = 0;
                for (int x = 0; x < w; x++) {
                    if (!keep[x]) {
                        cl[m] = l[x];
                        ca[m] = a[x];
                        cb[m] = b[x];
                        m++;
                    }
                }
                if (m > 0) {
                    lab.labToRgb(cl, ca, cb, m, crgb, 0);
                    for (int x = 0, k = 0; x < w; x++) {
                        if (!keep[x]) {
                            out[off + x] = crgb[k++];
                        }
                    }
                }
            }
        });
        return out;
    }

    private static float weight(float[] table, float dl) {
        int k = (int) (Math.abs(dl) * STEPS_PER_L);
        return k < table.length ? table[k] : 0f;
    }

    private static float[] rangeTable(double sigma) {
        int n = (int) Math.ceil(4 * sigma * STEPS_PER_L) + 1;
        float[] t = new float[n];
        for (int k = 0; k < n; k++) {
            double d = (k + 0.5) / STEPS_PER_L;
            t[k] = (float) Math.exp(-d * d / (2 * sigma * sigma));
        }
        return t;
    }
}
