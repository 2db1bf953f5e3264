package io.github.colorize.cli.internal.command;

import io.github.colorize.cli.internal.batch.FatalFailures;
import io.github.colorize.remote.RemoteServiceException;
import java.util.Optional;

/**
 * Stops a batch when the remote service can take no more work: a used-up quota (exit code {@link
 * ExitCodes#QUOTA}) or a missing, wrong or revoked API key (exit code {@link ExitCodes#NO_BACKEND}).
 * Other remote failures (rate limits after retries, a refused photo) fail just that photo. Stateless,
 * thread-safe.
 */
final class RemoteFailures implements FatalFailures {

    static final RemoteFailures INSTANCE = new RemoteFailures();

    @Override
    public Optional<Stop> stop(Throwable failure) {
        if (!(failure instanceof RemoteServiceException e) || !e.stopsBatch()) {
            return Optional.empty();
        }
        return switch (e.kind()) {
            case QUOTA_EXHAUSTED -> Optional.of(new Stop(ExitCodes.QUOTA, "the remote service's quota is used up"));
            default ->
                Optional.of(
                        new Stop(ExitCodes.NO_BACKEND, "the remote service refused the API key (" + e.kind() + ")"));
        };
    }
}
