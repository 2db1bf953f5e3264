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
 */
public record VideoResult(
        Path target,
        long frames,
        long sceneCuts,
        int audioStreams,
        String videoEncoder,
        Duration elapsed,
        Provenance provenance,
        List<String> warnings) {

    /** Validates the components. */
    public VideoResult {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(videoEncoder, "videoEncoder");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(provenance, "provenance");
        warnings = List.copyOf(warnings);
    }

    /**
     * Frames per second over the whole job.
     *
     * @return the rate
     */
    public double framesPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : frames / s;
    }
}
