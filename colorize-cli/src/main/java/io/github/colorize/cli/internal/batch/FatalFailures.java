package io.github.colorize.cli.internal.batch;

import java.util.Optional;

/**
 * Recognises failures after which no further photo can succeed until the user acts (a remote
 * service's quota used up, a revoked API key, a full disk): the batch then stops starting photos, as after Ctrl-C,
 * and the command exits with the code given. Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface FatalFailures {

    /** No failure stops a batch. */
    FatalFailures NONE = e -> Optional.empty();

    /**
     * Whether a failure stops the batch.
     *
     * @param failure what a photo failed with
     * @return the exit code and a one-line reason, or empty to go on with the other photos
     */
    Optional<Stop> stop(Throwable failure);

    /**
     * This recogniser, then another for what this one lets pass.
     *
     * @param other the second recogniser
     * @return both
     */
    default FatalFailures or(FatalFailures other) {
        return e -> {
            Optional<Stop> s = stop(e);
            return s.isPresent() ? s : other.stop(e);
        };
    }

    /**
     * Why and how a batch stopped.
     *
     * @param exitCode the command's exit code
     * @param reason one line for the user
     */
    record Stop(int exitCode, String reason) {}
}
