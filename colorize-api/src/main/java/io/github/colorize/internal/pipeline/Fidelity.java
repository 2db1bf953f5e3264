package io.github.colorize.internal.pipeline;

import java.util.Locale;

/**
 * How faithfully a {@link ColorPipeline} reproduces a model's reference Python pipeline; the backend
 * setting {@code fidelity} ({@code default} or {@code reference}).
 */
public enum Fidelity {
    /**
     * Clean arithmetic: exact CIE Lab, antialiased resampling, round-half-even quantisation, and sizes
     * rounded to whatever the graph accepts. Looks the same as {@link #REFERENCE} to the eye.
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
