package io.github.colorize.video;

import java.nio.file.Path;

/**
 * The source file cannot be read as a video: it is missing, not a container FFmpeg knows, damaged,
 * or has no decodable video stream. The message names the file and FFmpeg's reason.
 */
public class UndecodableVideoException extends VideoException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param file the source file
     * @param reason why it cannot be decoded
     * @param cause the underlying failure, or null
     */
    public UndecodableVideoException(Path file, String reason, Throwable cause) {
        super(file, "cannot decode video: " + reason, cause);
    }
}
