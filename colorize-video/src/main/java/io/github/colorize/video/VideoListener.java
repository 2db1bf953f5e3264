package io.github.colorize.video;

/**
 * Receives progress from a running {@link VideoJob}, on the job's own thread after every frame: keep
 * it quick, and throttle output yourself. An exception thrown here fails the job.
 */
@FunctionalInterface
public interface VideoListener {

    /** Ignores progress. */
    VideoListener NONE = p -> {};

    /**
     * Called after each frame is written.
     *
     * @param progress the state of the job
     */
    void onProgress(VideoProgress progress);
}
