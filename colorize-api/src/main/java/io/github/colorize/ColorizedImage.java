package io.github.colorize;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A colourised image and the record of how it was made.
 *
 * <p>Immutable as a value; the {@link BufferedImage} itself is mutable and belongs to the caller once
 * returned.
 *
 * @param image the colourised pixels (8-bit sRGB), same size as the input
 * @param provenance how, when and by which backend and model the colours were made
 */
public record ColorizedImage(BufferedImage image, Provenance provenance) {

    /** Validates the components. */
    public ColorizedImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(provenance, "provenance");
    }

    /**
     * Returns a copy with another provenance record (same image object).
     *
     * @param newProvenance the record
     * @return the new value
     */
    public ColorizedImage withProvenance(Provenance newProvenance) {
        return new ColorizedImage(image, newProvenance);
    }

    /**
     * Writes the image atomically (temporary file, then rename) with its provenance record embedded as
     * XMP, in the format the file name's extension names ({@code .png}, {@code .jpg}/{@code .jpeg}).
     *
     * @param target where to write; an existing file is replaced atomically, never half-written
     * @throws IOException if writing fails
     */
    public void save(Path target) throws IOException {
        Images.write(this, target, ImageWriteOptions.forPath(target));
    }
}
