package io.github.colorize.video;

import java.time.Duration;

/**
 * How far a video job is. Immutable.
 *
 * @param framesDone frames colourised and written so far
 * @param framesTotal the number of frames the container announces, or -1 when it does not say
 *     (an estimate: some containers are off by a few frames)
 * @param elapsed wall time since the job started
 * @param sceneCuts scene cuts found so far
 */
public record VideoProgress(long framesDone, long framesTotal, Duration elapsed, long sceneCuts) {

    /**
     * Frames per second so far.
     *
     * @return the rate, or 0 before the first frame
     */
    public double framesPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return framesDone == 0 || s <= 0 ? 0 : framesDone / s;
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
        if (framesTotal <= 0 || framesDone == 0) {
            return null;
        }
        long left = Math.max(0, framesTotal - framesDone);
        return Duration.ofNanos((long) (elapsed.toNanos() * (left / (double) framesDone)));
    }
}
