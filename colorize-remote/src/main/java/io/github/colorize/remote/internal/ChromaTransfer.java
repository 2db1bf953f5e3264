package io.github.colorize.remote.internal;

import io.github.colorize.PostProcessing;
import io.github.colorize.internal.color.Lab;
import io.github.colorize.internal.color.LabVariant;
import io.github.colorize.internal.image.ChromaRecombiner;
import io.github.colorize.internal.image.PillowResample;

/**
 * Puts the service's colours onto the original photo. The service answers with a smaller, recompressed
 * JPEG; taking only its chroma and keeping the original's full-resolution luminance restores the scan's
 * detail and removes most JPEG artefacts from the lightness. Stateless; thread-safe.
 */
final class ChromaTransfer {

    private ChromaTransfer() {}

    /**
     * Combines the original and the service's result.
     *
     * @param original the original, packed {@code 0xRRGGBB}, {@code w·h} long
     * @param w the original's width
     * @param h the original's height
     * @param service the service's decoded result, any size
     * @param mode how to combine: {@link PostProcessing#MODEL_DEFAULT} is YUV, because the service runs
     *     DeOldify, whose own post-processing is YUV
     * @param strength the chroma multiplier
     * @return new packed pixels, {@code w·h} long
     */
    static int[] combine(
            int[] original, int w, int h, ResultDecoder.Decoded service, PostProcessing mode, float strength) {
        return switch (mode) {
            case MODEL_DEFAULT, LUMINANCE_YUV ->
                ChromaRecombiner.recombineYuv(original, resized(service, w, h), strength);
            case LUMINANCE_LAB -> {
                int n = service.rgb().length;
                float[] l = new float[n];
                float[] a = new float[n];
                float[] b = new float[n];
                Lab.converter(LabVariant.EXACT).rgbToLab(service.rgb(), l, a, b);
                yield ChromaRecombiner.recombineLab(
                        original, w, h, a, b, service.width(), service.height(), strength, LabVariant.EXACT);
            }
            case NONE -> {
                // The service's own pixels, only resized; a strength other than 1 scales its chroma around
                // its own luminance.
                int[] color = resized(service, w, h);
                yield strength == 1f ? color : ChromaRecombiner.recombineYuv(color, color, strength);
            }
        };
    }

    /** The service's pixels at the original's size (Pillow bilinear, as DeOldify resizes). */
    private static int[] resized(ResultDecoder.Decoded service, int w, int h) {
        if (service.width() == w && service.height() == h) {
            return service.rgb();
        }
        return PillowResample.resizeRgb(
                service.rgb(), service.width(), service.height(), w, h, PillowResample.Filter.BILINEAR);
    }
}
