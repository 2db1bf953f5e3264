package io.github.colorize.video.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * Notices where a film's frames jump ahead in time by much more than one frame: the trace that a
 * damaged stretch of a source leaves when the decoder drops its frames without complaint (a garbled
 * stretch of MPEG-TS loses whole pictures, not just packets). A jump counts when it is more than {@value
 * #FRAMES} times the film's last ordinary step between frames, not its nominal rate: containers often
 * state a nominal rate far above the real one (120 for a 30 fps phone video), and variable-frame-rate
 * videos slow to half speed in low light. Not thread-safe; one per job.
 */
public final class TimelineGaps {

    /** A jump longer than this many frame durations is reported. */
    static final int FRAMES = 4;

    private final double secondsPerTick;
    private long last = Long.MIN_VALUE;
    private double ordinaryStep;
    private int gaps;
    private long missingFrames;
    private double largestSeconds;

    /** @param timeBase the time base of the timestamps; when not valid, nothing is reported */
    public TimelineGaps(Rational timeBase) {
        this.secondsPerTick = timeBase.valid() ? timeBase.value() : 0;
    }

    /**
     * Takes the next frame's presentation time.
     *
     * @param pts the timestamp, in the time base; frames are seen in presentation order
     */
    public void observe(long pts) {
        if (last != Long.MIN_VALUE && secondsPerTick > 0) {
            double step = (pts - last) * secondsPerTick;
            if (ordinaryStep > 0 && step > FRAMES * ordinaryStep) {
                gaps++;
                missingFrames += Math.round(step / ordinaryStep) - 1;
                largestSeconds = Math.max(largestSeconds, step);
            } else if (step > 0) {
                ordinaryStep = step;
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
