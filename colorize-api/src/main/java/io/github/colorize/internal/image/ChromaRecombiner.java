package io.github.colorize.internal.image;

import io.github.colorize.internal.color.Lab;
import io.github.colorize.internal.color.LabConverter;
import io.github.colorize.internal.color.LabVariant;
import io.github.colorize.internal.color.OpenCvYuv;
import io.github.colorize.internal.color.ParallelLoops;
import java.util.Objects;

/**
 * Puts a model's colours under the original photo's own luminance: the full-resolution lightness of
 * the original, the chroma of a (usually much smaller) prediction. Colourisers predict at a few
 * hundred pixels; this keeps every fine detail of a 12-megapixel scan while taking only colour from
 * the model.
 *
 * <ul>
 *   <li>{@link #recombineLab}: chroma planes a, b (Lab units) upsampled with half-pixel bilinear
 *       interpolation ({@link TorchInterpolate#bilinear}, as ECCV16/SIGGRAPH17 do), scaled by the
 *       strength, joined with the original's L, converted back with the chosen Lab arithmetic.
 *   <li>{@link #recombineYuv}: DeOldify's post-processing in OpenCV 8-bit YUV: Y of the original, U
 *       and V of the colour image (same size), chroma scaled around 128 by the strength.
 * </ul>
 *
 * <p>What "keeps the luminance" means exactly: in YUV the output's Y equals the original's Y except
 * where the inverse transform clamps a channel, or where its integer rounding moves Y by one (30 of
 * the 4,182,105 unclamped (Y, U, V) triples); for a gray original at strength 0 the output is the
 * input, bit for bit (in Lab too). In Lab the L handed to the
 * conversion is the original's, so the output's L differs from it only by the 8-bit quantisation
 * of each channel (and more where the colour falls outside the sRGB gamut and is clipped).
 *
 * <p>Stateless and thread-safe; inputs are not modified, results are new arrays.
 */
public final class ChromaRecombiner {

    private ChromaRecombiner() {}

    /**
     * Recombines in CIE Lab.
     *
     * @param originalRgb the original, packed {@code 0xRRGGBB}, {@code w·h} long
     * @param w original width
     * @param h original height
     * @param a predicted a plane, {@code cw·ch} long
     * @param b predicted b plane, {@code cw·ch} long
     * @param cw chroma width
     * @param ch chroma height
     * @param strength chroma multiplier, 0 gives the original's gray, 1 the prediction's chroma
     * @param v the Lab arithmetic for both directions
     * @return new packed {@code 0xRRGGBB} pixels, {@code w·h} long
     */
    public static int[] recombineLab(
            int[] originalRgb, int w, int h, float[] a, float[] b, int cw, int ch, float strength, LabVariant v) {
        Objects.requireNonNull(v, "variant");
        PillowResample.checkSizes(originalRgb.length, w, h, w, h);
        PillowResample.checkSizes(a.length, cw, ch, w, h);
        PillowResample.checkSizes(b.length, cw, ch, w, h);
        LabConverter lab = Lab.converter(v);
        // One fused pass per row band: no full-size L, a or b plane (five 4-byte planes of the photo
        // before), L only (not a and b) of the original, each chroma row interpolated where it is used.
        // Bit-identical to upsampling with TorchInterpolate.bilinear and converting whole planes: the
        // horizontal half is shared by all output rows between two chroma rows, the vertical half is
        // bilinear's own float expression, and the converter's row methods match its plane methods.
        float[] ha = TorchInterpolate.horizontalRows(a, cw, ch, w);
        float[] hb = TorchInterpolate.horizontalRows(b, cw, ch, w);
        TorchInterpolate.Axis ay = TorchInterpolate.axis(ch, h);
        int[] out = new int[originalRgb.length];
        boolean scaled = strength != 1f;
        ParallelLoops.forRange(h, w, (y0, y1) -> {
            float[] lr = new float[w];
            float[] ar = new float[w];
            float[] br = new float[w];
            for (int y = y0; y < y1; y++) {
                int r0 = ay.i0()[y] * w;
                int r1 = ay.i1()[y] * w;
                float ly0 = ay.l0()[y];
                float ly1 = ay.l1()[y];
                for (int x = 0; x < w; x++) {
                    ar[x] = ly0 * ha[r0 + x] + ly1 * ha[r1 + x];
                    br[x] = ly0 * hb[r0 + x] + ly1 * hb[r1 + x];
                }
                if (scaled) {
                    for (int x = 0; x < w; x++) {
                        ar[x] *= strength;
                        br[x] *= strength;
                    }
                }
                lab.lightness(originalRgb, y * w, y * w + w, lr, 0);
                lab.labToRgb(lr, ar, br, w, out, y * w);
            }
        });
        return out;
    }

    /**
     * Recombines in OpenCV 8-bit YUV (DeOldify's post-processing when strength is 1).
     *
     * @param originalRgb the original, packed {@code 0xRRGGBB}
     * @param colourRgb the colour image at the same size, packed {@code 0xRRGGBB}
     * @param strength chroma multiplier around the neutral 128: {@code U' = RNE((U−128)·s) + 128},
     *     clamped to 0..255; 1 is DeOldify exactly
     * @return new packed {@code 0xRRGGBB} pixels
     */
    public static int[] recombineYuv(int[] originalRgb, int[] colorRgb, float strength) {
        if (originalRgb.length != colorRgb.length) {
            throw new IllegalArgumentException(
                    "sizes differ: original " + originalRgb.length + " pixels, colour " + colorRgb.length);
        }
        int[] out = new int[originalRgb.length];
        ParallelLoops.forRange(
                out.length,
                (from, to) -> recombineYuv(originalRgb, from, colorRgb, from, out, from, to - from, strength));
        return out;
    }

    /**
     * DeOldify's post-processing in one pass in default fidelity: resizes the model's colour to the
     * original's size with Pillow's filter ({@link PillowResample#resizeRgbRows}) and recombines each
     * row in YUV as it is made. The same bytes as {@code recombineYuv(original, resizeRgb(colour, ...),
     * strength)}, without the full-size colour image.
     *
     * @param originalRgb the original, packed {@code 0xRRGGBB}, {@code w·h} long
     * @param w original width
     * @param h original height
     * @param colourRgb the colour at model size, packed {@code 0xRRGGBB}, {@code cw·ch} long
     * @param cw colour width
     * @param ch colour height
     * @param filter Pillow's resampling filter for the colour
     * @param strength as for {@link #recombineYuv(int[], int[], float)}
     * @return new packed {@code 0xRRGGBB} pixels, {@code w·h} long
     */
    public static int[] recombineYuvResized(
            int[] originalRgb,
            int w,
            int h,
            int[] colorRgb,
            int cw,
            int ch,
            PillowResample.Filter filter,
            float strength) {
        PillowResample.checkSizes(originalRgb.length, w, h, w, h);
        int[] out = new int[originalRgb.length];
        PillowResample.resizeRgbRows(
                colorRgb,
                cw,
                ch,
                w,
                h,
                filter,
                (y, row) -> recombineYuv(originalRgb, y * w, row, 0, out, y * w, w, strength));
        return out;
    }

    /** {@code n} pixels: Y of the original, U and V of the colour, each from its own offset. */
    private static void recombineYuv(
            int[] originalRgb, int oo, int[] colorRgb, int co, int[] out, int outOff, int n, float strength) {
        boolean unit = strength == 1f;
        for (int i = 0; i < n; i++) {
            int y = OpenCvYuv.luma(originalRgb[oo + i]) << 16;
            int uv = OpenCvYuv.chroma(colorRgb[co + i]);
            if (!unit) {
                int u = scale((uv >> 8) & 0xFF, strength);
                int v = scale(uv & 0xFF, strength);
                uv = u << 8 | v;
            }
            out[outOff + i] = OpenCvYuv.yuvToRgb(y | uv);
        }
    }

    private static int scale(int c, float strength) {
        int v = (int) Math.rint((c - 128) * (double) strength) + 128;
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
