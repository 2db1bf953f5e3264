package io.github.colorize.cli.internal.batch;

import io.github.colorize.ColorizedImage;
import io.github.colorize.ImageWriteOptions;
import io.github.colorize.Images;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes one output of a batch, atomically. The seam through which tests fail writes the way a full
 * disk does; implementations are thread-safe.
 */
@FunctionalInterface
interface OutputWriter {

    /** {@link Images#write(ColorizedImage, Path, ImageWriteOptions)}: the real thing. */
    OutputWriter IMAGES = Images::write;

    /**
     * Writes an output.
     *
     * @param image the colourised image
     * @param target the file
     * @param options format and metadata
     * @throws IOException if writing fails; the target is then untouched
     */
    void write(ColorizedImage image, Path target, ImageWriteOptions options) throws IOException;
}
