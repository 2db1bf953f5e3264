package io.github.colorize.cli.internal.batch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What happened to one input. Immutable.
 *
 * @param path the input as reached
 * @param output the output path relative to the output folder, or null when none was assigned
 * @param status done, skipped or failed
 * @param reason why it was skipped or failed; null when done
 * @param sourceSha256 the source's SHA-256, or null when it could not be read
 * @param timings where the time went
 */
public record FileOutcome(
        Path path, String output, Status status, String reason, String sourceSha256, StageTimes timings) {

    /** The three results. */
    public enum Status {
        /** Colourised and recorded. */
        DONE,
        /** Left alone: done before, in colour already, or not a photo. */
        SKIPPED,
        /** Could not be colourised; the reason says why. */
        FAILED
    }

    /** Validates the components. */
    public FileOutcome {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(timings, "timings");
    }

    static FileOutcome skipped(Path path, String output, String reason, String sha) {
        return new FileOutcome(path, output, Status.SKIPPED, reason, sha, StageTimes.NONE);
    }

    static FileOutcome failed(Path path, String output, String reason, String sha, StageTimes timings) {
        return new FileOutcome(path, output, Status.FAILED, reason, sha, timings);
    }

    /**
     * Milliseconds spent per stage of one file. Immutable.
     *
     * @param hashMillis reading and hashing the source to check the manifest
     * @param readMillis decoding
     * @param colorizeMillis the backend call, mark included
     * @param writeMillis encoding and the atomic write
     * @param totalMillis the whole file, end to end
     */
    public record StageTimes(
            long hashMillis, long readMillis, long colorizeMillis, long writeMillis, long totalMillis) {
        /** Nothing measured. */
        public static final StageTimes NONE = new StageTimes(0, 0, 0, 0, 0);
    }
}
