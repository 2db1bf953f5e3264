package io.github.colorize.remote.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The retry allowance of one photo: at most {@code maxRetries} retries in all (upload and download
 * together), and no retry that would start later than {@code maxRetryTime} after the first attempt.
 *
 * <p>Delays grow exponentially from {@value #BASE_MILLIS} ms, doubling per retry up to {@value
 * #CAP_MILLIS} ms, with "equal jitter" (half fixed, half random) so that many clients that failed
 * together do not retry together. A {@code Retry-After} from the service is honoured as a lower bound;
 * if it points past the time budget the budget gives up at once instead of waiting in vain.
 *
 * <p>A failure after the upload was sent whole (a read timeout, a connection reset while waiting for the
 * answer) is ambiguous: the service may have done, and billed, the work. Such an upload is sent again at
 * most {@value #MAX_RESENDS_AFTER_SENDING} time per photo, so a photo may be billed twice but not more;
 * failures before sending, and error answers (429, 5xx), are retried within the budget as above.
 *
 * <p>Not thread-safe: one per photo, used by the thread colourising it.
 */
final class RetryBudget {

    static final long BASE_MILLIS = 1_000;
    static final long CAP_MILLIS = 30_000;
    static final int MAX_RESENDS_AFTER_SENDING = 1;

    private final int maxRetries;
    private final Duration maxRetryTime;
    private final RemoteRuntime runtime;
    private final Instant start;
    private int retries;
    private int resendsAfterSending;

    RetryBudget(int maxRetries, Duration maxRetryTime, RemoteRuntime runtime) {
        this.maxRetries = maxRetries;
        this.maxRetryTime = maxRetryTime;
        this.runtime = runtime;
        this.start = runtime.clock().instant();
    }

    /** What to do after a retryable failure. */
    record Decision(boolean retry, Duration delay, String reason) {
        static Decision giveUp(String reason) {
            return new Decision(false, Duration.ZERO, reason);
        }
    }

    /**
     * Decides about the next retry, and counts it if there is one.
     *
     * @param retryAfter the delay the service asked for, or null
     * @return retry after a delay, or give up with the reason
     */
    Decision next(@Nullable Duration retryAfter) {
        return next(retryAfter, false);
    }

    /**
     * Decides about the next retry, and counts it if there is one.
     *
     * @param retryAfter the delay the service asked for, or null
     * @param afterSending true if the failed request had been sent whole (the service may have processed it)
     * @return retry after a delay, or give up with the reason
     */
    Decision next(@Nullable Duration retryAfter, boolean afterSending) {
        int attempts = retries + 1;
        if (retries >= maxRetries) {
            return Decision.giveUp("gave up after " + attempts + " attempt" + (attempts == 1 ? "" : "s")
                    + " (maxRetries=" + maxRetries + ")");
        }
        if (afterSending && resendsAfterSending >= MAX_RESENDS_AFTER_SENDING) {
            return Decision.giveUp("gave up after " + attempts + " attempts: the service may already have processed"
                    + " (and billed) this upload, which was sent again once already");
        }
        Duration delay = backoff(retries, runtime.random().getAsDouble());
        if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
            delay = retryAfter;
        }
        Duration elapsed = Duration.between(start, runtime.clock().instant());
        if (elapsed.plus(delay).compareTo(maxRetryTime) > 0) {
            return Decision.giveUp("gave up after " + attempts + " attempt" + (attempts == 1 ? "" : "s")
                    + ": the next one, " + seconds(delay) + " from now, would start beyond maxRetryTime="
                    + seconds(maxRetryTime));
        }
        retries++;
        String reason = "retry " + retries + " of " + maxRetries + " in " + seconds(delay);
        if (afterSending) {
            resendsAfterSending++;
            reason += " (sending the upload again: the service may bill it twice)";
        }
        return new Decision(true, delay, reason);
    }

    /** Attempts made or decided so far (1 + retries). */
    int attempts() {
        return retries + 1;
    }

    /**
     * The jittered exponential delay before retry number {@code retry + 1}.
     *
     * @param retry retries already made (0 for the first retry)
     * @param random a uniform value in [0, 1)
     * @return between half and all of {@code min(cap, base * 2^retry)}
     */
    static Duration backoff(int retry, double random) {
        long exp = retry >= 20 ? CAP_MILLIS : Math.min(CAP_MILLIS, BASE_MILLIS << retry);
        return Duration.ofMillis(exp / 2 + Math.round(exp / 2.0 * random));
    }

    /**
     * Reads a {@code Retry-After} header: delay seconds or an HTTP date.
     *
     * @param header the header value, or null
     * @param now the current time, for HTTP dates
     * @return the delay (zero for dates in the past), or empty if absent or unreadable
     */
    static Optional<Duration> parseRetryAfter(@Nullable String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String v = header.strip();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant at =
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
