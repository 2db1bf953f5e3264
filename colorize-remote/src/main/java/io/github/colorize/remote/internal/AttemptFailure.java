package io.github.colorize.remote.internal;

import io.github.colorize.remote.RemoteServiceException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP attempt failed in a way that may succeed when tried again (rate limit, server error, network
 * trouble). Carries the exception to throw if the retry budget says stop, and whether the request had
 * already been sent whole (the service may have done the work). Internal control flow only.
 */
final class AttemptFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient RemoteServiceException failure;
    private final transient @Nullable Duration retryAfter;
    private final boolean afterSending;

    AttemptFailure(RemoteServiceException failure, @Nullable Duration retryAfter, boolean afterSending) {
        super(failure.getMessage(), null, false, false);
        this.failure = failure;
        this.retryAfter = retryAfter;
        this.afterSending = afterSending;
    }

    /** True if the request had been sent whole before the failure, so the service may have processed it. */
    boolean afterSending() {
        return afterSending;
    }

    RemoteServiceException failure() {
        return failure;
    }

    @Nullable
    Duration retryAfter() {
        return retryAfter;
    }
}
