package io.github.colorize.remote;

import io.github.colorize.ColorizeException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The remote colourising service failed, refused a request, or sent something unusable. The {@link
 * #kind()} says which, so that a batch can react: stop on {@link Kind#QUOTA_EXHAUSTED} and {@link
 * Kind#BAD_KEY} (see {@link #stopsBatch()}), record the file and go on otherwise.
 *
 * <p>The message names the service host, the HTTP status and the service's own {@code status} text.
 * It never contains the API key, in any form: service texts are scrubbed of it before they get here, and
 * causes are cleaned copies of the originals (class name and stack trace kept). Every text from the
 * service is capped and made printable (control characters, line breaks and bidirectional overrides
 * shown as escapes), so a message is safe to log and print.
 *
 * <p>Immutable and thread-safe like any exception once thrown.
 */
public class RemoteServiceException extends ColorizeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, in terms a caller can act on. */
    public enum Kind {
        /** The account's quota or credits are used up (HTTP 402, or 401/403/429 saying so). No retry. */
        QUOTA_EXHAUSTED(true),
        /** The API key is missing, wrong or revoked (HTTP 401/403). No retry. */
        BAD_KEY(true),
        /** Too many requests (HTTP 429) even after the bounded retries. */
        RATE_LIMITED(false),
        /** The service failed (HTTP 5xx) even after the bounded retries. */
        SERVER_ERROR(false),
        /** The service refused this photo or request (another HTTP 4xx). No retry. */
        REJECTED(false),
        /**
         * The answer was unusable: malformed JSON, no {@code output_url}, a result URL outside the allowed
         * scheme and hosts, a result too large, truncated or not an image.
         */
        BAD_RESPONSE(false),
        /** The service could not be reached or stopped answering (I/O errors, timeouts) after retries. */
        NETWORK(false);

        private final boolean stopsBatch;

        Kind(boolean stopsBatch) {
            this.stopsBatch = stopsBatch;
        }

        /**
         * Whether no further request can succeed until the user acts (new key, more credits).
         *
         * @return true for {@link #QUOTA_EXHAUSTED} and {@link #BAD_KEY}
         */
        public boolean stopsBatch() {
            return stopsBatch;
        }
    }

    private final Kind kind;
    private final int httpStatus;
    private final @Nullable String serviceStatus;

    /**
     * Creates the exception.
     *
     * @param kind what went wrong
     * @param httpStatus the HTTP status code, or 0 when there was no HTTP answer
     * @param serviceStatus the service's {@code status} text, or null; must already be free of secrets
     * @param message the explanation; must not contain secrets
     * @param cause the underlying failure, or null
     */
    public RemoteServiceException(
            Kind kind, int httpStatus, @Nullable String serviceStatus, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.httpStatus = httpStatus;
        this.serviceStatus = serviceStatus;
    }

    /**
     * What went wrong.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The HTTP status code of the failing answer.
     *
     * @return the code, or 0 when no HTTP answer was received
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * The service's own {@code status} text (for example {@code "signed in try-it quota exceeded"}),
     * scrubbed of the key, cut after 300 characters and made printable.
     *
     * @return the text, if the service sent one
     */
    public Optional<String> serviceStatus() {
        return Optional.ofNullable(serviceStatus);
    }

    /**
     * Whether a batch should stop here rather than go on with the next photo: every further request
     * would fail the same way until the user acts.
     *
     * @return {@code kind().stopsBatch()}
     */
    public boolean stopsBatch() {
        return kind.stopsBatch();
    }
}
