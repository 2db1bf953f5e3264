package io.github.colorize.internal.pipeline;

import io.github.colorize.internal.color.Lab;
import io.github.colorize.internal.color.LabConverter;
import io.github.colorize.internal.color.LabVariant;
import io.github.colorize.internal.image.PillowResample;
import io.github.colorize.internal.image.TorchInterpolate;

/**
 * {@link io.github.colorize.PostProcessing#NONE} for chroma-predicting models: the model's own picture
 * (its input's lightness plus the predicted a*b*), resized to the photo, so the luminance is the model's,
 * not the original's. No reference pipeline has this mode; it uses the clean toolkit in both fidelities.
 */
final class ChromaPictures {

    private ChromaPictures() {}

    /** L* of gray pixels given in [0, 1] (a gray RGB model input plane). */
    static float[] lightnessOfGray(float[] grayUnit, LabVariant variant) {
        LabConverter conv = Lab.converter(variant);
        float[] l = new float[grayUnit.length];
        for (int i = 0; i < l.length; i++) {
            double g = grayUnit[i];
            l[i] = (float) conv.rgbToLab(g, g, g)[0];
        }
        return l;
    }

    /**
     * Composes {@code (lModel, a·s, b·s)} at the model input size (upsampling a*b* from {@code cw × ch}
     * half-pixel bilinear when the model predicts them smaller) and resizes the result to the photo with
     * Pillow BILINEAR.
     */
    static int[] modelPicture(
            float[] lModel, float[] a, float[] b, int cw, int ch, Prepared p, float strength, LabVariant variant) {
        int mw = p.modelWidth();
        int mh = p.modelHeight();
        boolean same = cw == mw && ch == mh;
        float[] aa = same ? a.clone() : TorchInterpolate.bilinear(a, cw, ch, mw, mh);
        float[] bb = same ? b.clone() : TorchInterpolate.bilinear(b, cw, ch, mw, mh);
        Planes.scale(aa, strength);
        Planes.scale(bb, strength);
        int[] small = Lab.converter(variant).labToRgb(lModel, aa, bb);
        return PillowResample.resizeRgb(small, mw, mh, p.width(), p.height(), PillowResample.Filter.BILINEAR);
    }
}
