package io.github.colorize;

import java.util.Objects;

/**
 * A decoded photo with facts about its file. Immutable as a value; the image belongs to the caller.
 *
 * @param image the pixels as 8-bit sRGB ({@code TYPE_INT_RGB}, or {@code TYPE_INT_ARGB} with alpha
 *     kept), orientation applied
 * @param sha256 the SHA-256 of the file's bytes, lower-case hex
 * @param format the decoder's format name (for example {@code "jpeg"})
 */
public record SourceImage(java.awt.image.BufferedImage image, String sha256, String format) {

    /** Validates the components. */
    public SourceImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(format, "format");
    }
}
