package io.github.colorize.video.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * Notices where a film's frames jump ahead in time by much more than one frame: the trace that a
 * damaged stretch of a source leaves when the decoder drops its frames without complaint (a garbled
 * stretch of MPEG-TS loses whole pictures, not just packets). A jump counts when it is more than {@value
 * #FRAMES} times the longest of the film's last {@value #RECENT} ordinary steps between frames, not its
 * nominal rate: containers often state a nominal rate far above the real one (120 for a 30 fps phone
 * video), and variable-frame-rate videos slow to half speed in low light. Only real timestamps are
 * given: frames without one get a made-up time from the nominal rate. Not thread-safe; one per job.
 */
public final class TimelineGaps {

    /** A jump longer than this many frame durations is reported. */
    static final int FRAMES = 4;

    /** How many recent ordinary steps set the yardstick. */
    static final int RECENT = 5;

    private final double secondsPerTick;
    private long first = Long.MIN_VALUE;
    private long last = Long.MIN_VALUE;
    private final double[] recent = new double[RECENT];
    private int seen;
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
        if (first == Long.MIN_VALUE) {
            first = pts;
        }
        if (last != Long.MIN_VALUE && secondsPerTick > 0) {
            double step = (pts - last) * secondsPerTick;
            double ordinary = ordinaryStep();
            if (ordinary > 0 && step > FRAMES * ordinary) {
                gaps++;
                missingFrames += Math.round(step / ordinary) - 1;
                largestSeconds = Math.max(largestSeconds, step);
            } else if (step > 0) {
                recent[seen++ % RECENT] = step;
            }
        }
        last = pts;
    }

    private double ordinaryStep() {
        double longest = 0;
        for (int i = 0; i < Math.min(seen, RECENT); i++) {
            longest = Math.max(longest, recent[i]);
        }
        return longest;
    }

    /**
     * The time the frames seen cover: from the first frame's start to the last frame's end (one
     * ordinary step after its start), jumps included.
     *
     * @return seconds, or -1 when no timestamp was seen or the time base is unknown
     */
    public double coveredSeconds() {
        if (first == Long.MIN_VALUE || secondsPerTick <= 0) {
            return -1;
        }
        return (last - first) * secondsPerTick + ordinaryStep();
    }

    /** @return the longest of the recent ordinary steps between frames, in seconds; 0 before two frames */
    public double ordinaryStepSeconds() {
        return ordinaryStep();
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
