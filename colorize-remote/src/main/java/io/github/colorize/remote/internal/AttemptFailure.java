package io.github.colorize.remote.internal;

import io.github.colorize.remote.RemoteServiceException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP attempt failed in a way that may succeed when tried again (rate limit, server error, network
 * trouble). Carries the exception to throw if the retry budget says stop. Internal control flow only.
 */
final class AttemptFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient RemoteServiceException failure;
    private final transient @Nullable Duration retryAfter;

    AttemptFailure(RemoteServiceException failure, @Nullable Duration retryAfter) {
        super(failure.getMessage(), null, false, false);
        this.failure = failure;
        this.retryAfter = retryAfter;
    }

    RemoteServiceException failure() {
        return failure;
    }

    @Nullable
    Duration retryAfter() {
        return retryAfter;
    }
}
