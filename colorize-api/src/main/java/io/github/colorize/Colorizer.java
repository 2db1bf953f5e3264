package io.github.colorize;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Brings a black-and-white photo back to colour.
 *
 * <p>Obtain one from {@link Colorizers}. A colorizer owns its backend's resources (a model session,
 * native memory, an HTTP connection pool): {@linkplain #close() close} it when done, typically with
 * try-with-resources.
 *
 * <p><b>Thread safety:</b> implementations are thread-safe; one instance may serve many threads at
 * once, sharing one loaded model. {@link #close()} is idempotent; calling {@code colorize} after
 * {@code close} throws {@link IllegalStateException}.
 *
 * <p><b>Ownership:</b> the caller's input image is never modified; every returned image is a new
 * object owned by the caller. A backend may read the input image's own pixel array instead of
 * copying it, so the caller must not change the image until the call returns.
 */
public interface Colorizer extends AutoCloseable {

    /**
     * The name of the backend, as used for selection (for example {@code "onnx"}).
     *
     * @return the stable backend name
     */
    String backend();

    /**
     * A short description of the loaded model, for logs and provenance (for example {@code
     * "colorize-compact-v2"}).
     *
     * @return the model name
     */
    String model();

    /**
     * Colourises an image. The output has the input's width and height; the luminance of the input is
     * kept unless {@link ColorizeOptions#postProcessing()} says otherwise.
     *
     * @param image the photo; any {@link BufferedImage} type (gray, colour, with alpha)
     * @param options how to colourise
     * @return the colourised image and its provenance record
     * @throws ColorizeException if the backend fails; subclasses say why
     */
    ColorizedImage colorize(BufferedImage image, ColorizeOptions options);

    /**
     * Colourises an image with {@link ColorizeOptions#defaults()}.
     *
     * @param image the photo
     * @return the colourised image and its provenance record
     */
    default ColorizedImage colorize(BufferedImage image) {
        return colorize(image, ColorizeOptions.defaults());
    }

    /**
     * Reads a photo from a file (see {@link Images#read(Path)}) and colourises it. The provenance record
     * carries the SHA-256 of the source file.
     *
     * @param photo the file to read; it is never modified
     * @param options how to colourise
     * @return the colourised image and its provenance record
     * @throws UndecodableImageException if the file cannot be read as an image
     * @throws ImageTooLargeException if the image exceeds the default pixel limit (200 megapixels, see
     *     {@link ImageReadOptions}); to raise it, read the photo with {@link Images#readSource} and
     *     colourise the image
     */
    default ColorizedImage colorize(Path photo, ColorizeOptions options) {
        SourceImage source = Images.readSource(photo, ImageReadOptions.defaults());
        ColorizedImage result = colorize(source.image(), options);
        return result.withProvenance(
                result.provenance().withSource(photo.getFileName().toString(), source.sha256()));
    }

    /**
     * Releases the backend's resources. Idempotent.
     */
    @Override
    void close();
}
