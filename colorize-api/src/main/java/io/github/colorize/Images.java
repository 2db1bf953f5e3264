package io.github.colorize;

import io.github.colorize.internal.io.PhotoReader;
import io.github.colorize.internal.io.PhotoWriter;
import io.github.colorize.internal.io.ToneClassifier;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reading photos as old scans really are, and writing results safely. Static and thread-safe.
 *
 * <p>Reading accepts any format ImageIO reads (PNG, JPEG, GIF, BMP, TIFF, WBMP) and normalises it to
 * 8-bit sRGB: 16-bit, palette, gray, gray+alpha and CMYK inputs are converted, EXIF orientation is
 * applied, alpha is flattened onto white unless kept, and the pixel count is checked against a limit
 * from the header, before decoding. Writing is atomic: a temporary file in the target folder, then a
 * rename, so a crash never leaves a half-written file at the target path.
 */
public final class Images {

    private Images() {}

    /**
     * Reads a photo with the default options.
     *
     * @param file the file
     * @return 8-bit sRGB pixels
     * @throws UndecodableImageException naming the file and the cause
     * @throws ImageTooLargeException if over the pixel limit
     */
    public static BufferedImage read(Path file) {
        return readSource(file, ImageReadOptions.defaults()).image();
    }

    /**
     * Reads a photo.
     *
     * @param file the file
     * @param options how to read
     * @return 8-bit sRGB pixels
     */
    public static BufferedImage read(Path file, ImageReadOptions options) {
        return readSource(file, options).image();
    }

    /**
     * Reads a photo and the facts about its file (hash, format).
     *
     * @param file the file
     * @param options how to read
     * @return the decoded photo
     */
    public static SourceImage readSource(Path file, ImageReadOptions options) {
        return PhotoReader.read(file, options);
    }

    /**
     * Writes an image atomically, without provenance.
     *
     * @param image the pixels
     * @param target the file
     * @param options format and quality
     * @throws IOException if writing fails
     */
    public static void write(BufferedImage image, Path target, ImageWriteOptions options) throws IOException {
        PhotoWriter.write(image, null, target, options);
    }

    /**
     * Writes a colourised image atomically, with its provenance record as XMP unless the options say
     * otherwise.
     *
     * @param image the colourised image
     * @param target the file
     * @param options format, quality, metadata switch
     * @throws IOException if writing fails
     */
    public static void write(ColorizedImage image, Path target, ImageWriteOptions options) throws IOException {
        PhotoWriter.write(image.image(), options.embedMetadata() ? image.provenance() : null, target, options);
    }

    /**
     * Tells whether a photo is gray, toned (sepia, cyanotype…) or already in colour, so that batches
     * can skip colour photos. Cheap: it measures a copy at most 256 pixels on its long side.
     *
     * @param image the photo; not modified
     * @return the verdict and the measurements behind it (see {@link ToneAnalysis} for the thresholds)
     */
    public static ToneAnalysis classifyTone(BufferedImage image) {
        return ToneClassifier.classify(image);
    }
}
