package io.github.colorize.video;

import java.time.Duration;

/**
 * How far a video job is. Immutable and thread-safe.
 *
 * @param framesDone frames colourised and written so far
 * @param framesTotal the number of frames the container announces, or -1 when it does not say
 *     (an estimate: some containers are off by a few frames)
 * @param elapsed wall time since the job started
 * @param sceneCuts scene cuts found so far
 * @param framesResumed frames an earlier, stopped run had finished and this one took over (counted in
 *     {@code framesDone}); 0 when the job started afresh
 */
public record VideoProgress(long framesDone, long framesTotal, Duration elapsed, long sceneCuts, long framesResumed) {

    /**
     * Progress of a job that started afresh.
     *
     * @param framesDone frames colourised and written so far
     * @param framesTotal the announced frame count, or -1
     * @param elapsed wall time since the job started
     * @param sceneCuts scene cuts found so far
     */
    public VideoProgress(long framesDone, long framesTotal, Duration elapsed, long sceneCuts) {
        this(framesDone, framesTotal, elapsed, sceneCuts, 0);
    }

    /**
     * Frames per second so far, over the frames this run colourised.
     *
     * @return the rate, or 0 before the first frame
     */
    public double framesPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        long own = framesDone - framesResumed;
        return own <= 0 || s <= 0 ? 0 : own / s;
    }

    /**
     * The share done.
     *
     * @return 0 to 1, or -1 when the total is unknown
     */
    public double fraction() {
        return framesTotal <= 0 ? -1 : Math.min(1.0, framesDone / (double) framesTotal);
    }

    /**
     * Time left at the rate so far.
     *
     * @return the estimate, or null when the total is unknown or no frame is done yet
     */
    public Duration eta() {
        long own = framesDone - framesResumed;
        if (framesTotal <= 0 || own <= 0) {
            return null;
        }
        long left = Math.max(0, framesTotal - framesDone);
        return Duration.ofNanos((long) (elapsed.toNanos() * (left / (double) own)));
    }
}
