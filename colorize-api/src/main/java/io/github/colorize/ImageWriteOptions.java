package io.github.colorize;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How images are written. Immutable.
 *
 * @param format PNG or JPEG
 * @param jpegQuality JPEG quality in (0, 1]; ignored for PNG
 * @param embedMetadata whether to embed the XMP provenance record
 */
public record ImageWriteOptions(ImageFormat format, float jpegQuality, boolean embedMetadata) {

    /** Validates the components. */
    public ImageWriteOptions {
        Objects.requireNonNull(format, "format");
        if (!(jpegQuality > 0 && jpegQuality <= 1)) {
            throw new IllegalArgumentException("jpegQuality must be in (0, 1], got " + jpegQuality);
        }
    }

    /**
     * PNG or JPEG (quality 0.92) from the file's extension, metadata embedded.
     *
     * @param target the file
     * @return the options
     */
    public static ImageWriteOptions forPath(Path target) {
        return of(ImageFormat.fromPath(target));
    }

    /**
     * The given format, JPEG quality 0.92, metadata embedded.
     *
     * @param format the format
     * @return the options
     */
    public static ImageWriteOptions of(ImageFormat format) {
        return new ImageWriteOptions(format, 0.92f, true);
    }

    /**
     * The same options with another JPEG quality.
     *
     * @param quality in (0, 1]
     * @return the new options
     */
    public ImageWriteOptions withJpegQuality(float quality) {
        return new ImageWriteOptions(format, quality, embedMetadata);
    }

    /**
     * The same options with metadata on or off.
     *
     * @param embed whether to embed XMP
     * @return the new options
     */
    public ImageWriteOptions withEmbedMetadata(boolean embed) {
        return new ImageWriteOptions(format, jpegQuality, embed);
    }
}
