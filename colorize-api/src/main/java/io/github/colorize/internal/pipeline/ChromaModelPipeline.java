package io.github.colorize.internal.pipeline;

import io.github.colorize.PostProcessing;
import io.github.colorize.internal.color.LabVariant;
import io.github.colorize.internal.image.ChromaRecombiner;
import io.github.colorize.internal.image.PillowResample;
import io.github.colorize.internal.image.TorchInterpolate;
import java.util.Map;
import java.util.Objects;

/**
 * The project's bundled chroma model ({@code COLORIZE_CHROMA}; contract of {@code training/colorize_training}):
 * input {@code l} {@code [1,1,H,W]} = L* ÷ 100 of scikit-image-compatible Lab, H and W multiples of 32
 * with H·W ≈ (16·rf)² keeping the photo's aspect ratio ({@link SizeRule.AspectArea}); output {@code ab}
 * {@code [1,2,H/4,W/4]} in a*b* units, upsampled half-pixel bilinear to the photo, times the strength,
 * joined to the original's full-resolution L*, scikit-image Lab→sRGB, round half to even.
 *
 * <p>The model was trained in scikit-image's Lab, so both fidelities use that variant. Reference fidelity
 * follows {@code tools/golden/make_pipeline_golden.py} step by step (Pillow BILINEAR down, torch bilinear
 * up, Lab in double); default fidelity does the same through the bulk toolkit.
 *
 * <p>Stateless and thread-safe.
 */
final class ChromaModelPipeline implements ColorPipeline {

    static final String FAMILY = "colorize chroma";

    private final PipelineSpec spec;

    ChromaModelPipeline(PipelineSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        if (!spec.auxiliaryInputs().isEmpty()) {
            throw new IllegalArgumentException(FAMILY + " graphs take one input, got extra " + spec.auxiliaryInputs());
        }
    }

    @Override
    public Prepared prepare(int[] rgb, int w, int h, int renderFactor, Fidelity fidelity) {
        Planes.checkPhoto(rgb, w, h);
        int[] m = spec.sizes().modelSize(w, h, renderFactor, fidelity);
        int mw = m[0];
        int mh = m[1];
        int[] small = PillowResample.resizeRgb(rgb, w, h, mw, mh, PillowResample.Filter.BILINEAR);
        double[] l = LabComposer.lightness(small, LabVariant.SKIMAGE, false);
        float[] data = new float[l.length];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (l[i] / 100.0);
        }
        Tensor input = new Tensor(spec.inputName(), new long[] {1, 1, mh, mw}, data);
        return new Prepared(input, rgb, w, h, mw, mh, renderFactor, fidelity, Map.of());
    }

    @Override
    public int[] finish(Prepared p, Tensor output, float chromaStrength, PostProcessing mode) {
        int[] cwh = Planes.expectOutput(output, 2, spec, p, FAMILY);
        int cw = cwh[0];
        int ch = cwh[1];
        float[] a = Planes.channel(output, 0);
        float[] b = Planes.channel(output, 1);
        PostProcessing resolved = spec.resolve(mode);
        if (resolved == PostProcessing.NONE) {
            float[] lModel = p.input().data().clone();
            Planes.scale(lModel, 100f);
            return ChromaPictures.modelPicture(lModel, a, b, cw, ch, p, chromaStrength, LabVariant.SKIMAGE);
        }
        boolean yuv = resolved == PostProcessing.LUMINANCE_YUV;
        float labStrength = yuv ? 1f : chromaStrength;
        int[] lab;
        if (p.fidelity() == Fidelity.REFERENCE) {
            float[] aUp = TorchInterpolate.bilinear(a, cw, ch, p.width(), p.height());
            float[] bUp = TorchInterpolate.bilinear(b, cw, ch, p.width(), p.height());
            double[] l = LabComposer.lightness(p.originalRgb(), LabVariant.SKIMAGE, false);
            lab = LabComposer.compose(l, aUp, bUp, labStrength, LabVariant.SKIMAGE, LabComposer.Quantiser.ROUND_DOUBLE);
        } else {
            lab = ChromaRecombiner.recombineLab(
                    p.originalRgb(), p.width(), p.height(), a, b, cw, ch, labStrength, LabVariant.SKIMAGE);
        }
        return yuv ? ChromaRecombiner.recombineYuv(p.originalRgb(), lab, chromaStrength) : lab;
    }

    @Override
    public String toString() {
        return "ChromaModelPipeline[" + spec + "]";
    }
}
