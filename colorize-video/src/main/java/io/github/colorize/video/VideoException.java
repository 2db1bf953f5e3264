package io.github.colorize.video;

import io.github.colorize.ColorizeException;
import java.nio.file.Path;

/**
 * A video could not be colourised: the message names the file (when there is one) and the cause.
 * Subclasses say which side failed. Unchecked, like every {@link ColorizeException}.
 */
public class VideoException extends ColorizeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * Creates the exception.
     *
     * @param file the file concerned, or null
     * @param reason what went wrong
     * @param cause the underlying failure, or null
     */
    public VideoException(Path file, String reason, Throwable cause) {
        super(file == null ? reason : file + ": " + reason, cause);
        this.file = file;
    }

    /**
     * The file concerned.
     *
     * @return the path, or null when the failure concerns no particular file
     */
    public Path file() {
        return file;
    }
}
