package io.github.colorize.internal.pipeline;

import io.github.colorize.PostProcessing;
import io.github.colorize.internal.color.Lab;
import io.github.colorize.internal.color.LabVariant;
import io.github.colorize.internal.color.PillowLuma;
import io.github.colorize.internal.image.ChromaRecombiner;
import io.github.colorize.internal.image.PillowResample;
import java.util.Objects;

/**
 * DeOldify (jantic/DeOldify {@code deoldify/filters.py} with fastai 1.0.60; the byte-range graphs of
 * instant-high/deoldify-onnx {@code convert_to_onnx.py}).
 *
 * <ol>
 *   <li>Stretch the photo to the model square with Pillow BILINEAR (antialiased), then Pillow luma,
 *       replicated into three channels.
 *   <li>{@link DeOldifyContract#NORMALISED} graphs (the generator alone): {@code (g/255 − mean)/std} with the
 *       ImageNet statistics, output de-normalised and clamped to [0, 1], times 255.
 *       {@link DeOldifyContract#BYTE_RANGE} graphs (the instant-high export wrapper): gray 0–255 in, RGB 0–255
 *       out, normalisation baked in.
 *   <li>Quantise the raw colour: truncation in reference fidelity ({@code astype(uint8)}), round half to
 *       even in default fidelity.
 *   <li>Resize the raw colour to the photo with Pillow BILINEAR and recombine in OpenCV 8-bit YUV: Y of
 *       the original, U and V of the colour. The reference passes RGB arrays with OpenCV's BGR codes, so
 *       its "Y" weighs red and blue the wrong way round; reference fidelity reproduces that, default
 *       fidelity uses the proper RGB weights. The two agree exactly on black-and-white originals.
 * </ol>
 *
 * <p>Stateless and thread-safe.
 */
final class DeOldifyPipeline implements ColorPipeline {

    static final String FAMILY = "DeOldify";

    // fastai imagenet_stats, as float32 tensors
    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    private final DeOldifyContract contract;
    private final PipelineSpec spec;

    DeOldifyPipeline(DeOldifyContract contract, PipelineSpec spec) {
        this.contract = Objects.requireNonNull(contract, "contract");
        this.spec = Objects.requireNonNull(spec, "spec");
        Planes.requirePerPixel(spec, FAMILY);
    }

    @Override
    public Prepared prepare(int[] rgb, int w, int h, int renderFactor, Fidelity fidelity) {
        Planes.checkPhoto(rgb, w, h);
        int[] m = spec.sizes().modelSize(w, h, renderFactor, fidelity);
        int mw = m[0];
        int mh = m[1];
        // Resize first, then gray: the order changes the pixels (§2.4).
        byte[] gray = PillowLuma.luma(PillowResample.resizeRgb(rgb, w, h, mw, mh, PillowResample.Filter.BILINEAR));
        int n = mw * mh;
        float[] data = new float[3 * n];
        for (int c = 0; c < 3; c++) {
            int off = c * n;
            for (int i = 0; i < n; i++) {
                float g = gray[i] & 0xFF;
                data[off + i] = contract == DeOldifyContract.NORMALISED ? (g / 255f - MEAN[c]) / STD[c] : g;
            }
        }
        Tensor input = new Tensor(spec.inputName(), new long[] {1, 3, mh, mw}, data);
        return new Prepared(input, rgb, w, h, mw, mh, renderFactor, fidelity, java.util.Map.of());
    }

    @Override
    public int[] finish(Prepared p, Tensor output, float chromaStrength, PostProcessing mode) {
        Planes.expectOutput(output, 3, spec, p, FAMILY);
        int mw = p.modelWidth();
        int mh = p.modelHeight();
        int[] raw = rawColor(output.data(), mw * mh, p.fidelity());
        boolean reference = p.fidelity() == Fidelity.REFERENCE;
        return switch (spec.resolve(mode)) {
            case LUMINANCE_YUV, MODEL_DEFAULT -> {
                if (reference) {
                    int[] color = PillowResample.resizeRgb(
                            raw, mw, mh, p.width(), p.height(), PillowResample.Filter.BILINEAR);
                    int[] swapped = ChromaRecombiner.recombineYuv(
                            Planes.swapRedBlue(p.originalRgb()), Planes.swapRedBlue(color), chromaStrength);
                    yield Planes.swapRedBlue(swapped);
                }
                // The same resize and recombination, fused: no full-size colour image.
                yield ChromaRecombiner.recombineYuvResized(
                        p.originalRgb(),
                        p.width(),
                        p.height(),
                        raw,
                        mw,
                        mh,
                        PillowResample.Filter.BILINEAR,
                        chromaStrength);
            }
            case LUMINANCE_LAB -> {
                // No reference exists for DeOldify in Lab: take a*b* of the raw colour at model size and
                // upsample them (not the 8-bit colour) onto the original's exact L*.
                int n = mw * mh;
                float[] l = new float[n];
                float[] a = new float[n];
                float[] b = new float[n];
                Lab.converter(LabVariant.EXACT).rgbToLab(raw, l, a, b);
                yield ChromaRecombiner.recombineLab(
                        p.originalRgb(), p.width(), p.height(), a, b, mw, mh, chromaStrength, LabVariant.EXACT);
            }
            case NONE -> {
                int[] color =
                        PillowResample.resizeRgb(raw, mw, mh, p.width(), p.height(), PillowResample.Filter.BILINEAR);
                // The 8-bit YUV round trip is not the identity, so only touch the pixels when asked to.
                yield chromaStrength == 1f ? color : ChromaRecombiner.recombineYuv(color, color, chromaStrength);
            }
        };
    }

    /** Model output to the 8-bit raw colour square (§2.5; §3.1 for byte-range graphs). */
    private int[] rawColor(float[] out, int n, Fidelity fidelity) {
        boolean truncate = fidelity == Fidelity.REFERENCE;
        int[] raw = new int[n];
        for (int c = 0; c < 3; c++) {
            int off = c * n;
            int shift = 16 - 8 * c;
            for (int i = 0; i < n; i++) {
                float v;
                if (contract == DeOldifyContract.NORMALISED) {
                    // fastai denormalize (float32 mul, then add), ImageList.reconstruct clamp, then * 255
                    float y = out[off + i] * STD[c] + MEAN[c];
                    v = Math.min(Math.max(y, 0f), 1f) * 255f;
                } else {
                    v = Math.min(Math.max(out[off + i], 0f), 255f); // the graph clamps; fp16 may not
                }
                // NaN compares false everywhere above and casts to 0 (NumPy gives 0 too on x86).
                int q = truncate ? (int) v : (int) Math.rint(v);
                raw[i] |= q << shift;
            }
        }
        return raw;
    }

    @Override
    public String toString() {
        return "DeOldifyPipeline[" + contract + ", " + spec + "]";
    }
}
