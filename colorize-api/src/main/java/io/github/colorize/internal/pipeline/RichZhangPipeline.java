package io.github.colorize.internal.pipeline;

import io.github.colorize.PostProcessing;
import io.github.colorize.internal.color.Lab;
import io.github.colorize.internal.color.LabVariant;
import io.github.colorize.internal.image.ChromaRecombiner;
import io.github.colorize.internal.image.PillowResample;
import io.github.colorize.internal.image.TorchInterpolate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ECCV16 and SIGGRAPH17 (richzhang/colorization {@code colorizers/util.py}, {@code demo_release.py};
 * reference-pipelines.md §5).
 *
 * <p>Pillow BICUBIC (antialiased) to the model square, L* 0–100 as the input; the predicted a*b* (Lab
 * units) upsampled with torch bilinear ({@code align_corners=False}) when their size differs from the
 * photo, joined to the original's L*, Lab→RGB. Reference fidelity uses scikit-image's Lab and writes
 * bytes the way the demo's {@code plt.imsave} does ({@code uint8(float32(x)·255)}, truncating); default
 * fidelity uses exact CIE Lab and round-half-even.
 *
 * <p>SIGGRAPH17 graphs exported with explicit hint inputs take two auxiliary inputs, in this order: the
 * hint chroma {@code [1,2,S,S]} and the hint mask {@code [1,1,S,S]}; automatic mode feeds zeros to both.
 * Graphs with the hints fixed inside take none.
 *
 * <p>Stateless and thread-safe.
 */
final class RichZhangPipeline implements ColorPipeline {

    private final String family;
    private final PipelineSpec spec;

    RichZhangPipeline(boolean siggraph17, PipelineSpec spec) {
        this.family = siggraph17 ? "SIGGRAPH17" : "ECCV16";
        this.spec = Objects.requireNonNull(spec, "spec");
        List<String> aux = spec.auxiliaryInputs();
        if (!aux.isEmpty() && !(siggraph17 && aux.size() == 2)) {
            throw new IllegalArgumentException(family + " graphs take "
                    + (siggraph17 ? "no extra inputs or exactly two (hint chroma, hint mask)" : "no extra inputs")
                    + ", got " + aux);
        }
    }

    @Override
    public Prepared prepare(int[] rgb, int w, int h, int renderFactor, Fidelity fidelity) {
        Planes.checkPhoto(rgb, w, h);
        int[] m = spec.sizes().modelSize(w, h, renderFactor, fidelity);
        int mw = m[0];
        int mh = m[1];
        int[] small = PillowResample.resizeRgb(rgb, w, h, mw, mh, PillowResample.Filter.BICUBIC);
        float[] l;
        if (fidelity == Fidelity.REFERENCE) {
            // rgb2lab in double, then torch.Tensor(...) narrows to float32
            double[] ld = LabComposer.lightness(small, LabVariant.SKIMAGE, true);
            l = new float[ld.length];
            for (int i = 0; i < l.length; i++) {
                l[i] = (float) ld[i];
            }
        } else {
            int n = mw * mh;
            l = new float[n];
            // Only L* feeds the graph: skip the a*b* planes rgbToLab would compute and discard.
            Lab.converter(LabVariant.EXACT).lightness(small, 0, n, l, 0);
        }
        Tensor input = new Tensor(spec.inputName(), new long[] {1, 1, mh, mw}, l);
        Map<String, Tensor> extra = new LinkedHashMap<>();
        List<String> aux = spec.auxiliaryInputs();
        if (!aux.isEmpty()) {
            extra.put(aux.get(0), Tensor.auxiliaryZeros(aux.get(0), 2, input));
            extra.put(aux.get(1), Tensor.auxiliaryZeros(aux.get(1), 1, input));
        }
        return new Prepared(input, rgb, w, h, mw, mh, renderFactor, fidelity, extra);
    }

    @Override
    public int[] finish(Prepared p, Tensor output, float chromaStrength, PostProcessing mode) {
        int[] cwh = Planes.expectOutput(output, 2, spec, p, family);
        int cw = cwh[0];
        int ch = cwh[1];
        float[] a = Planes.channel(output, 0);
        float[] b = Planes.channel(output, 1);
        boolean reference = p.fidelity() == Fidelity.REFERENCE;
        PostProcessing resolved = spec.resolve(mode);
        if (resolved == PostProcessing.NONE) {
            LabVariant v = reference ? LabVariant.SKIMAGE : LabVariant.EXACT;
            return ChromaPictures.modelPicture(p.input().data(), a, b, cw, ch, p, chromaStrength, v);
        }
        boolean yuv = resolved == PostProcessing.LUMINANCE_YUV;
        float labStrength = yuv ? 1f : chromaStrength;
        int[] lab;
        if (reference) {
            int w = p.width();
            int h = p.height();
            boolean resize = cw != w || ch != h; // postprocess_tens interpolates only when sizes differ
            float[] aUp = resize ? TorchInterpolate.bilinear(a, cw, ch, w, h) : a;
            float[] bUp = resize ? TorchInterpolate.bilinear(b, cw, ch, w, h) : b;
            double[] l = LabComposer.lightness(p.originalRgb(), LabVariant.SKIMAGE, true);
            lab = LabComposer.compose(
                    l, aUp, bUp, labStrength, LabVariant.SKIMAGE, LabComposer.Quantiser.TRUNCATE_FLOAT);
        } else {
            lab = ChromaRecombiner.recombineLab(
                    p.originalRgb(), p.width(), p.height(), a, b, cw, ch, labStrength, LabVariant.EXACT);
        }
        return yuv ? ChromaRecombiner.recombineYuv(p.originalRgb(), lab, chromaStrength) : lab;
    }

    @Override
    public String toString() {
        return "RichZhangPipeline[" + family + ", " + spec + "]";
    }
}
