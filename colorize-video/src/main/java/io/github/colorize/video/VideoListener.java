package io.github.colorize.video;

/**
 * Receives progress from a running {@link VideoJob}, on the job's own thread after every frame: keep
 * it quick, and throttle output yourself. An exception thrown here fails the job. A run that continues
 * an earlier one reports only the frames it writes, starting after the resume point ({@link
 * VideoProgress#framesResumed()}).
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
