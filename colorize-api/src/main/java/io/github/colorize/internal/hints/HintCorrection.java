package io.github.colorize.internal.hints;

import io.github.colorize.ColorHint;
import io.github.colorize.internal.color.Lab;
import io.github.colorize.internal.color.LabConverter;
import io.github.colorize.internal.color.LabVariant;
import io.github.colorize.internal.color.ParallelLoops;
import io.github.colorize.internal.image.PixelBuffers;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * The correction step that makes any backend's result obey colour hints, at full resolution.
 *
 * <ol>
 *   <li>A working copy of the result at about {@link Tuning#workPixels()} (box average of whole
 *       blocks), in CIE Lab.
 *   <li>At each working pixel a hint covers, the chroma it asks for minus the chroma predicted there,
 *       with weight 1; nothing elsewhere.
 *   <li>The domain transform ({@link DomainTransformFilter}), guided by the working lightness, spreads
 *       (Δa·w, Δb·w, w) through each region and stops at edges; the correction is their ratio with a
 *       floor {@code ε} on the weight, so that it fades to nothing where no hint reaches.
 *   <li>Joint bilateral upsampling (the four nearest working pixels, weighted by how close their
 *       lightness is to the full-resolution pixel's) brings the correction to full size along the
 *       photo's own edges; it is added to the result's a*b* under the result's own L*.
 *   <li>The pixels a hint covers get exactly the hint's chroma.
 * </ol>
 *
 * Pixels whose correction is under {@link Tuning#minDelta()} are copied unchanged, and no hints leave
 * the result as it is, bit for bit. Memory: a few planes of the working size and one row of buffers per
 * thread at full size; no matrix. Stateless; thread-safe.
 */
public final class HintCorrection {

    /**
     * The correction's knobs; {@link #DEFAULT} was tuned on training photos (never the eval sets).
     *
     * @param workPixels the working size the correction field is computed at
     * @param sigmaSpace how far a hint spreads in a flat region, as a fraction of the working size's
     *     geometric mean side
     * @param sigmaRange the lightness step (L*) that weighs like {@code sigmaSpace} pixels of distance
     * @param iterations domain transform iterations
     * @param epsilon the weight floor, relative to a lone pixel's own weight after filtering: smaller
     *     spreads further
     * @param guideRadius radius of the blur that rids the edge guide of grain (working pixels)
     * @param edgeKnee the lightness step (L*) above which a step weighs more than in proportion (strong
     *     edges stop a hint, texture does not); 0 for none
     * @param upsampleSigma the lightness difference (L*) at which upsampling weights fall to e^-½
     * @param minDelta corrections below this (a*b* units) leave the pixel exactly as it was
     * @param absoluteShare how much of the correction moves towards the hints' own chroma spread through
     *     the region (1), rather than adding the hinted spot's difference to the prediction everywhere
     *     (0): where the model's chroma varies across a region the hint names, the first evens it out
     */
    public record Tuning(
            int workPixels,
            double sigmaSpace,
            double sigmaRange,
            int iterations,
            double epsilon,
            int guideRadius,
            double edgeKnee,
            double upsampleSigma,
            double minDelta,
            double absoluteShare) {
        /** The defaults. */
        public static final Tuning DEFAULT = new Tuning(350_000, 0.5, 10, 3, 0.005, 6, 4, 6, 0.5, 0.5);
    }

    private static final LabConverter LAB = Lab.converter(LabVariant.EXACT);
    /** Lightness difference (L*) at which a point hint's pixel counts e^-½ as much as its centre. */
    private static final double SPOT_SIGMA = 6;

    /** The working pixel nearest a point hint's centre. */
    private static int centreIndex(ColorHint hint, int f, int ww, int wh) {
        int x = (int) Math.round((hint.x(0) + 0.5) / f - 0.5);
        int y = (int) Math.round((hint.y(0) + 0.5) / f - 0.5);
        return Math.max(0, Math.min(wh - 1, y)) * ww + Math.max(0, Math.min(ww - 1, x));
    }

    private HintCorrection() {}

    /**
     * Applies hints to a colourised image.
     *
     * @param image the result (read, never modified)
     * @param hints the hints, already checked to lie on the image
     * @return a new {@code TYPE_INT_RGB} image
     */
    public static BufferedImage apply(BufferedImage image, List<ColorHint> hints) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (hints.isEmpty()) {
            return PixelBuffers.wrap(PixelBuffers.rgb(image), w, h);
        }
        return PixelBuffers.wrap(correct(PixelBuffers.readOnly(image), w, h, hints, Tuning.DEFAULT), w, h);
    }

    /**
     * Applies hints to packed pixels.
     *
     * @param rgb the result, packed {@code 0xRRGGBB}, {@code w·h} (not modified)
     * @param w width
     * @param h height
     * @param hints the hints, lying on the image
     * @param t the knobs
     * @return new packed pixels
     */
    public static int[] correct(int[] rgb, int w, int h, List<ColorHint> hints, Tuning t) {
        Objects.requireNonNull(t, "tuning");
        if (hints.isEmpty()) {
            return rgb.clone();
        }
        return new Prepared(rgb, w, h, t, false).correct(hints);
    }

    /**
     * A prediction made ready for correcting again and again with changing hints (an editor re-renders
     * on every click): the working copy, its edges and, when asked, the full-size Lab planes are
     * computed once. Immutable once built; {@link #correct} may run from many threads at once.
     */
    public static final class Prepared {
        private final int[] rgb;
        private final int w;
        private final int h;
        private final Tuning t;
        private final int f;
        private final int ww;
        private final int wh;
        private final float[] l;
        private final float[] a;
        private final float[] b;
        private final DomainTransformFilter filter;
        private final float eps;
        private final FieldUpsampler.@org.jspecify.annotations.Nullable FullPlanes full;

        /**
         * Prepares a prediction.
         *
         * @param rgb packed {@code 0xRRGGBB}, {@code w·h}; kept, not copied: the caller must not change it
         * @param w width
         * @param h height
         * @param t the knobs
         * @param keepFullPlanes keep the full-size L*, a*, b* (12 bytes a pixel) so that every {@link
         *     #correct} skips converting the photo; for repeated use
         */
        public Prepared(int[] rgb, int w, int h, Tuning t, boolean keepFullPlanes) {
            this.rgb = rgb;
            this.w = w;
            this.h = h;
            this.t = t;
            this.f = Math.max(1, (int) Math.ceil(Math.sqrt((double) w * h / t.workPixels())));
            this.ww = (w + f - 1) / f;
            this.wh = (h + f - 1) / f;
            int n = ww * wh;
            l = new float[n];
            a = new float[n];
            b = new float[n];
            LAB.rgbToLab(f == 1 ? rgb : BlockAverage.of(rgb, w, h, f), l, a, b);
            filter = new DomainTransformFilter(
                    l,
                    ww,
                    wh,
                    t.sigmaSpace() * Math.sqrt(n),
                    t.sigmaRange(),
                    t.iterations(),
                    t.guideRadius(),
                    t.edgeKnee());
            eps = (float) (t.epsilon() * filter.flatPeak());
            full = keepFullPlanes ? FieldUpsampler.FullPlanes.of(rgb, LAB) : null;
        }

        /**
         * Corrects the prediction to hints.
         *
         * @param hints the hints, lying on the image
         * @return new packed pixels; the prediction itself where no hint reaches
         */
        public int[] correct(List<ColorHint> hints) {
            if (hints.isEmpty()) {
                return rgb.clone();
            }
            int n = ww * wh;
            float[] sa = new float[n];
            float[] sb = new float[n];
            float[] sw = new float[n];
            float[][] wanted = new float[hints.size()][];
            for (int k = 0; k < hints.size(); k++) {
                ColorHint hint = hints.get(k);
                int c = hint.rgb();
                double[] want = LAB.rgbToLab(((c >> 16) & 0xFF) / 255.0, ((c >> 8) & 0xFF) / 255.0, (c & 0xFF) / 255.0);
                wanted[k] = new float[] {(float) want[1], (float) want[2]};
                int[] px = HintFootprint.pixels(hint, 1.0 / f, ww, wh);
                // A point's disc that overhangs an edge must not carry its colour into the region beyond:
                // its pixels count by how close their lightness is to the centre's. A stroke is taken as
                // drawn, across edges too.
                float centre = hint.isStroke() ? 0f : l[centreIndex(hint, f, ww, wh)];
                // Each hint weighs as one spot, however many pixels it covers (a stroke as the spots
                // along it): a big disc next to an edge would otherwise outweigh the floor that keeps
                // what leaks across the edge from being normalised up to a full correction.
                double r = Math.max(0.5, hint.radius() / f);
                float mass = (float) Math.max(1, px.length / (Math.PI * r * r + 1));
                float unit = mass / px.length;
                for (int i : px) {
                    float dl = hint.isStroke() ? 0f : l[i] - centre;
                    float weight = unit * (float) Math.exp(-dl * dl / (2 * SPOT_SIGMA * SPOT_SIGMA));
                    sw[i] += weight;
                    sa[i] += weight * (wanted[k][0] - a[i]);
                    sb[i] += weight * (wanted[k][1] - b[i]);
                }
            }
            float share = (float) t.absoluteShare();
            if (share == 0f) {
                filter.apply(sa, sb, sw);
                ParallelLoops.forRange(n, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        float inv = 1f / (sw[i] + eps);
                        sa[i] *= inv;
                        sb[i] *= inv;
                    }
                });
            } else {
                // The wanted chroma itself, weighted: spread, it is the hints' colour of the region.
                float[] ta = new float[n];
                float[] tb = new float[n];
                for (int i = 0; i < n; i++) {
                    ta[i] = sa[i] + sw[i] * a[i];
                    tb[i] = sb[i] + sw[i] * b[i];
                }
                filter.apply(sa, sb, sw, ta, tb);
                ParallelLoops.forRange(n, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        float inv = 1f / (sw[i] + eps);
                        float confidence = sw[i] * inv;
                        sa[i] = (1 - share) * sa[i] * inv + share * (ta[i] * inv - confidence * a[i]);
                        sb[i] = (1 - share) * sb[i] * inv + share * (tb[i] * inv - confidence * b[i]);
                    }
                });
            }
            int[] out = FieldUpsampler.addField(rgb, w, h, full, l, sa, sb, ww, wh, f, t, LAB);
            for (int k = 0; k < hints.size(); k++) {
                pin(rgb, out, HintFootprint.pixels(hints.get(k), 1, w, h), wanted[k][0], wanted[k][1]);
            }
            return out;
        }
    }

    /** Gives the covered pixels exactly the hint's chroma under their own lightness. */
    private static void pin(int[] rgb, int[] out, int[] px, float wa, float wb) {
        int m = px.length;
        if (m == 0) {
            return;
        }
        int[] src = new int[m];
        for (int j = 0; j < m; j++) {
            src[j] = rgb[px[j]];
        }
        float[] l = new float[m];
        float[] a = new float[m];
        float[] b = new float[m];
        LAB.rgbToLab(src, l, a, b);
        java.util.Arrays.fill(a, wa);
        java.util.Arrays.fill(b, wb);
        int[] pinned = LAB.labToRgb(l, a, b);
        for (int j = 0; j < m; j++) {
            out[px[j]] = pinned[j];
        }
    }
}
