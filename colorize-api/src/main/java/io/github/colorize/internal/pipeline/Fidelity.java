package io.github.colorize.internal.pipeline;

import java.util.Locale;

/**
 * How faithfully a {@link ColorPipeline} reproduces a model's reference Python pipeline; the backend
 * setting {@code fidelity} ({@code default} or {@code reference}).
 */
public enum Fidelity {
    /**
     * Clean arithmetic: exact CIE Lab, antialiased resampling, half-pixel bilinear chroma upsampling,
     * round-half-even quantisation, the true BT.601 luma in YUV transfers, and sizes rounded to whatever
     * the graph accepts. ECCV16/SIGGRAPH17 and the chroma model stay within one level of {@link
     * #REFERENCE}; DeOldify and DDColor differ visibly where the reference has quirks (DeOldify's swapped
     * red/blue luma weights, DDColor's nearest-neighbour chroma upsampling).
     */
    DEFAULT,
    /**
     * The reference pipeline's own arithmetic (Pillow resampling, luma and truncation, OpenCV YUV and
     * Lab, scikit-image Lab, torch nearest/bilinear upsampling), so results match the Python
     * implementation byte for byte or within documented tolerances. Render factors the graph cannot
     * run are refused rather than rounded.
     */
    REFERENCE;

    /**
     * Parses the backend setting.
     *
     * @param text {@code default} or {@code reference}, any case
     * @return the fidelity
     * @throws IllegalArgumentException for anything else
     */
    public static Fidelity parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "default" -> DEFAULT;
            case "reference" -> REFERENCE;
            default ->
                throw new IllegalArgumentException("fidelity must be 'default' or 'reference', got '" + text + "'");
        };
    }
}
