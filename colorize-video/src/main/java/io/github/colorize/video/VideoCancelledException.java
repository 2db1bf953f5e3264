package io.github.colorize.video;

import java.nio.file.Path;

/**
 * A video job was cancelled ({@link VideoJob#cancel()} or a thread interrupt). Nothing was left at the
 * target path and the partial output file was deleted; the complete segments in the work folder
 * beside it are kept, so running the same job again continues after them (see {@link
 * VideoOptions#segmentLength()}; with one-pass writing it starts over).
 */
public class VideoCancelledException extends VideoException {
    private static final long serialVersionUID = 1L;

    private final long framesDone;

    /**
     * Creates the exception.
     *
     * @param target the output that was not written
     * @param framesDone frames done before the job stopped (those an earlier run did included)
     */
    public VideoCancelledException(Path target, long framesDone) {
        super(target, "cancelled after " + framesDone + " frames; no output was written", null);
        this.framesDone = framesDone;
    }

    /**
     * How far the job got.
     *
     * @return frames colourised before it stopped
     */
    public long framesDone() {
        return framesDone;
    }
}
