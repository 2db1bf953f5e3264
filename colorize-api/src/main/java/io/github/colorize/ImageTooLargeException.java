package io.github.colorize;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * An image has more pixels than the configured limit (a guard against decompression bombs). Detected
 * from the header, before the pixels are decoded.
 *
 * <p>Its own state is final and set at construction (the file path is not serialised); like any
 * {@link Throwable}, it is safe to hand between threads once thrown.
 */
public class ImageTooLargeException extends ColorizeException {
    private static final long serialVersionUID = 1L;

    private final transient @Nullable Path file;
    private final long pixels;
    private final long limit;

    /**
     * Creates the exception.
     *
     * @param file the file, or null
     * @param width the image width
     * @param height the image height
     * @param limit the pixel limit
     */
    public ImageTooLargeException(@Nullable Path file, int width, int height, long limit) {
        super((file == null ? "image" : file.toString()) + ": " + width + "x" + height + " = "
                + ((long) width * height) + " pixels exceeds the limit of " + limit
                + " (raise ImageReadOptions.maxPixels if the image is trusted)");
        this.file = file;
        this.pixels = (long) width * height;
        this.limit = limit;
    }

    /**
     * The file that is too large, if any.
     *
     * @return the path, or null
     */
    public @Nullable Path file() {
        return file;
    }

    /**
     * The image's pixel count.
     *
     * @return width × height
     */
    public long pixels() {
        return pixels;
    }

    /**
     * The limit it exceeded.
     *
     * @return the limit
     */
    public long limit() {
        return limit;
    }
}
