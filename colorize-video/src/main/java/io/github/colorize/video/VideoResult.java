package io.github.colorize.video;

import io.github.colorize.Provenance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a finished video job wrote. Immutable and thread-safe.
 *
 * @param target the file written
 * @param frames frames colourised
 * @param sceneCuts scene cuts found (0 when stabilisation is off: it is what finds them)
 * @param audioStreams audio streams copied untouched
 * @param videoEncoder the FFmpeg encoder used, for example "libopenh264"
 * @param elapsed wall time of the job
 * @param provenance the record written into the container (and the same fields as for photos)
 * @param warnings what was wrong with the source although a film was written, in words: damaged
 *     packets skipped, or data that ended early (a cut-short download); empty for a sound source
 * @param resumedFrames frames an earlier, stopped run of the same job had finished, which this run
 *     took over from its work folder instead of colourising again; 0 when the job started afresh
 */
public record VideoResult(
        Path target,
        long frames,
        long sceneCuts,
        int audioStreams,
        String videoEncoder,
        Duration elapsed,
        Provenance provenance,
        List<String> warnings,
        long resumedFrames) {

    /** Validates the components. */
    public VideoResult {
        if (resumedFrames < 0 || resumedFrames > frames) {
            throw new IllegalArgumentException("resumedFrames " + resumedFrames + " outside 0.." + frames);
        }
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(videoEncoder, "videoEncoder");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(provenance, "provenance");
        warnings = List.copyOf(warnings);
    }

    /**
     * A result of a job that started afresh.
     *
     * @param target the file written
     * @param frames frames colourised
     * @param sceneCuts scene cuts found
     * @param audioStreams audio streams copied
     * @param videoEncoder the encoder used
     * @param elapsed wall time
     * @param provenance the record written
     * @param warnings what was wrong with the source
     */
    public VideoResult(
            Path target,
            long frames,
            long sceneCuts,
            int audioStreams,
            String videoEncoder,
            Duration elapsed,
            Provenance provenance,
            List<String> warnings) {
        this(target, frames, sceneCuts, audioStreams, videoEncoder, elapsed, provenance, warnings, 0);
    }

    /** @return whether this run continued the work of an earlier, stopped one */
    public boolean resumed() {
        return resumedFrames > 0;
    }

    /**
     * Frames per second over this run: the frames it colourised (not those taken over from an earlier
     * run) over its wall time.
     *
     * @return the rate
     */
    public double framesPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : (frames - resumedFrames) / s;
    }
}
