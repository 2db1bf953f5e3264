package io.github.colorize;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A file could not be read as an image. The message names the file and the cause.
 *
 * <p>Its own state is final and set at construction (the file path is not serialised); like any
 * {@link Throwable}, it is safe to hand between threads once thrown.
 */
public class UndecodableImageException extends ColorizeException {
    private static final long serialVersionUID = 1L;

    private final transient @Nullable Path file;

    /**
     * Creates the exception.
     *
     * @param file the file, or null for a stream
     * @param reason why it could not be decoded
     * @param cause the underlying failure, or null
     */
    public UndecodableImageException(@Nullable Path file, String reason, @Nullable Throwable cause) {
        super((file == null ? "image" : file.toString()) + ": cannot decode: " + reason, cause);
        this.file = file;
    }

    /**
     * The file that failed, if any.
     *
     * @return the path, or null for a stream
     */
    public @Nullable Path file() {
        return file;
    }
}
