package io.github.colorize.video.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * Notices where a film's frames jump ahead in time by much more than one frame: the trace that a
 * damaged stretch of a source leaves when the decoder drops its frames without complaint (a garbled
 * stretch of MPEG-TS loses whole pictures, not just packets). Only jumps of more than {@value
 * #FRAMES} frame durations count, so variable-frame-rate phone videos, which slow to half speed in
 * low light, are not reported. Not thread-safe; one per job.
 */
public final class TimelineGaps {

    /** A jump longer than this many frame durations is reported. */
    static final int FRAMES = 4;

    private final double secondsPerTick;
    private final double frameSeconds;
    private long last = Long.MIN_VALUE;
    private int gaps;
    private long missingFrames;
    private double largestSeconds;

    /**
     * @param timeBase the time base of the timestamps
     * @param frameRate the stream's nominal frame rate; when not valid, nothing is reported
     */
    public TimelineGaps(Rational timeBase, Rational frameRate) {
        this.secondsPerTick = timeBase.valid() ? timeBase.value() : 0;
        this.frameSeconds = frameRate.valid() && frameRate.value() > 0 ? 1.0 / frameRate.value() : 0;
    }

    /**
     * Takes the next frame's presentation time.
     *
     * @param pts the timestamp, in the time base; frames are seen in presentation order
     */
    public void observe(long pts) {
        if (last != Long.MIN_VALUE && secondsPerTick > 0 && frameSeconds > 0) {
            double jump = (pts - last) * secondsPerTick;
            if (jump > FRAMES * frameSeconds) {
                gaps++;
                missingFrames += Math.round(jump / frameSeconds) - 1;
                largestSeconds = Math.max(largestSeconds, jump);
            }
        }
        last = pts;
    }

    /** @return a warning in words when frames seem to be missing, else empty */
    public Optional<String> warning() {
        if (gaps == 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "the video jumps ahead at %d place%s (about %d frame%s missing, the longest jump %.2f s)",
                gaps,
                gaps == 1 ? "" : "s",
                missingFrames,
                missingFrames == 1 ? "" : "s",
                largestSeconds));
    }
}
