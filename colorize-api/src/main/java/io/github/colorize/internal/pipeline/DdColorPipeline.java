package io.github.colorize.internal.pipeline;

import io.github.colorize.PostProcessing;
import io.github.colorize.internal.color.Lab;
import io.github.colorize.internal.color.LabConverter;
import io.github.colorize.internal.color.LabVariant;
import io.github.colorize.internal.image.ChromaRecombiner;
import io.github.colorize.internal.image.OpenCvResize;
import io.github.colorize.internal.image.PillowResample;
import io.github.colorize.internal.image.TorchInterpolate;
import java.util.Map;
import java.util.Objects;

/**
 * DDColor (piddnad/DDColor {@code ddcolor/pipeline.py}).
 *
 * <p>Reference fidelity: the photo as float32 {@code v/255}, OpenCV float INTER_LINEAR to the model
 * square, OpenCV float Lab, the gray input {@code Lab→RGB(L, 0, 0)} in [0, 1]; the predicted a*b*
 * upsampled with torch's legacy nearest, joined to the original's OpenCV L*, OpenCV Lab→RGB and
 * {@code round(x·255)}. Default fidelity: Pillow BILINEAR (antialiased) down, exact CIE Lab, half-pixel
 * bilinear chroma upsampling.
 *
 * <p>Stateless and thread-safe.
 */
final class DdColorPipeline implements ColorPipeline {

    static final String FAMILY = "DDColor";

    private final PipelineSpec spec;

    DdColorPipeline(PipelineSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        Planes.requirePerPixel(spec, FAMILY);
    }

    @Override
    public Prepared prepare(int[] rgb, int w, int h, int renderFactor, Fidelity fidelity) {
        Planes.checkPhoto(rgb, w, h);
        int[] m = spec.sizes().modelSize(w, h, renderFactor, fidelity);
        int mw = m[0];
        int mh = m[1];
        int n = mw * mh;
        float[] gray = new float[n];
        if (fidelity == Fidelity.REFERENCE) {
            float[][] unit = unitPlanes(rgb);
            float[] r = OpenCvResize.linear(unit[0], w, h, mw, mh);
            float[] g = OpenCvResize.linear(unit[1], w, h, mw, mh);
            float[] b = OpenCvResize.linear(unit[2], w, h, mw, mh);
            LabConverter cv = Lab.converter(LabVariant.OPENCV);
            for (int i = 0; i < n; i++) {
                float l = (float) cv.rgbToLab(r[i], g[i], b[i])[0];
                gray[i] = (float) cv.labToRgb(l, 0, 0)[0];
            }
        } else {
            int[] small = PillowResample.resizeRgb(rgb, w, h, mw, mh, PillowResample.Filter.BILINEAR);
            LabConverter exact = Lab.converter(LabVariant.EXACT);
            float[] l = new float[n];
            exact.lightness(small, 0, n, l, 0); // only L* is used: no a*b* planes
            for (int i = 0; i < n; i++) {
                gray[i] = (float) exact.labToRgb(l[i], 0, 0)[0];
            }
        }
        Tensor input = new Tensor(spec.inputName(), new long[] {1, 3, mh, mw}, Planes.concat(gray, gray, gray));
        return new Prepared(input, rgb, w, h, mw, mh, renderFactor, fidelity, Map.of());
    }

    /** {@code float32(v / 255.0)} per channel, as {@code (img / 255.0).astype(np.float32)}. */
    private static float[][] unitPlanes(int[] rgb) {
        float[][] out = new float[3][rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            out[0][i] = (float) LabComposer.unit((p >>> 16) & 0xFF, LabVariant.OPENCV);
            out[1][i] = (float) LabComposer.unit((p >>> 8) & 0xFF, LabVariant.OPENCV);
            out[2][i] = (float) LabComposer.unit(p & 0xFF, LabVariant.OPENCV);
        }
        return out;
    }

    @Override
    public int[] finish(Prepared p, Tensor output, float chromaStrength, PostProcessing mode) {
        int[] wh = Planes.expectOutput(output, 2, spec, p, FAMILY);
        float[] a = Planes.channel(output, 0);
        float[] b = Planes.channel(output, 1);
        boolean reference = p.fidelity() == Fidelity.REFERENCE;
        PostProcessing resolved = spec.resolve(mode);
        if (resolved == PostProcessing.NONE) {
            // The model's own picture: its input's lightness with the predicted chroma, resized up.
            LabVariant v = reference ? LabVariant.OPENCV : LabVariant.EXACT;
            float[] lModel = ChromaPictures.lightnessOfGray(Planes.channel(p.input(), 0), v);
            return ChromaPictures.modelPicture(lModel, a, b, wh[0], wh[1], p, chromaStrength, v);
        }
        boolean yuv = resolved == PostProcessing.LUMINANCE_YUV;
        float labStrength = yuv ? 1f : chromaStrength;
        int[] lab = reference
                ? referenceLab(p, a, b, labStrength)
                : ChromaRecombiner.recombineLab(
                        p.originalRgb(),
                        p.width(),
                        p.height(),
                        a,
                        b,
                        p.modelWidth(),
                        p.modelHeight(),
                        labStrength,
                        LabVariant.EXACT);
        return yuv ? ChromaRecombiner.recombineYuv(p.originalRgb(), lab, chromaStrength) : lab;
    }

    private static int[] referenceLab(Prepared p, float[] a, float[] b, float strength) {
        int w = p.width();
        int h = p.height();
        float[] aUp = TorchInterpolate.nearest(a, p.modelWidth(), p.modelHeight(), w, h);
        float[] bUp = TorchInterpolate.nearest(b, p.modelWidth(), p.modelHeight(), w, h);
        double[] l = LabComposer.lightness(p.originalRgb(), LabVariant.OPENCV, true);
        return LabComposer.compose(l, aUp, bUp, strength, LabVariant.OPENCV, LabComposer.Quantiser.ROUND_FLOAT);
    }

    @Override
    public String toString() {
        return "DdColorPipeline[" + spec + "]";
    }
}
