package io.github.colorize.remote.internal;

import io.github.colorize.ColorizeException;
import io.github.colorize.internal.text.SafeText;
import io.github.colorize.remote.RemoteServiceException;
import io.github.colorize.remote.RemoteServiceException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Builds the backend's {@link RemoteServiceException}s: one message shape ({@code deepai (host): HTTP
 * code, what it means: "the service's status"; detail}). Every text that came from outside (the service's
 * status, its answer, an I/O exception's message that quotes the server) is {@linkplain #text cleaned}:
 * the API key scrubbed in every form, the text capped and made printable. Causes are replaced by
 * {@link ScrubbedThrowable} copies cleaned the same way, so that no part of a thrown exception's chain
 * holds the key or the service's raw text. Immutable; thread-safe.
 */
final class Failures {

    /** How much of the service's status text a message quotes. */
    static final int STATUS_CHARS = 300;
    /** How much of an answer without a status text a message quotes. */
    static final int SNIPPET_CHARS = 200;
    /** How much of a detail (our explanation, with outside text in it) a message shows. */
    static final int DETAIL_CHARS = 600;

    private final DeepAiSettings settings;
    private final ApiKey key;
    private final RemoteRuntime runtime;

    Failures(DeepAiSettings settings, ApiKey key, RemoteRuntime runtime) {
        this.settings = settings;
        this.key = key;
        this.runtime = runtime;
    }

    /**
     * A failure.
     *
     * @param kind what went wrong
     * @param code the HTTP status, or 0
     * @param status the service's raw status text, or null (cleaned here)
     * @param detail more explanation, or null (cleaned here)
     * @param cause the underlying failure, or null (replaced by a cleaned copy here)
     * @return the exception
     */
    RemoteServiceException of(
            Kind kind, int code, @Nullable String status, @Nullable String detail, @Nullable Throwable cause) {
        String s = status == null ? null : text(status, STATUS_CHARS);
        StringBuilder m = new StringBuilder("deepai (").append(settings.host()).append("): ");
        if (code > 0) {
            m.append("HTTP ").append(code).append(", ");
        }
        m.append(ServiceAnswers.describe(kind));
        if (s != null) {
            m.append(": \"").append(s).append('"');
        }
        if (detail != null) {
            m.append("; ").append(text(detail, DETAIL_CHARS));
        }
        return new RemoteServiceException(kind, code, s, m.toString(), cause(cause));
    }

    /**
     * The service's result could not be used (not an image, damaged, too large).
     *
     * @param detail why (a decoder's words may be in it; cleaned here)
     * @param cause the decoder's failure, or null (replaced by a cleaned copy here)
     * @return the exception
     */
    RemoteServiceException unusableResult(String detail, @Nullable Throwable cause) {
        return new RemoteServiceException(
                Kind.BAD_RESPONSE,
                200,
                null,
                "deepai (" + settings.host() + "): unusable answer; " + text(detail, DETAIL_CHARS),
                cause(cause));
    }

    /**
     * A text from outside made fit for a message or a log line: the key scrubbed in every form (before the
     * cut, so that no part of a key across it survives), cut to {@code maxChars} and made printable ({@link
     * SafeText}), then scrubbed once more in case an escape happened to complete a form of the key.
     *
     * @param raw the text as received
     * @param maxChars how many of its characters to keep
     * @return the cleaned text
     */
    String text(String raw, int maxChars) {
        return key.scrub(SafeText.excerpt(key.scrub(raw), maxChars));
    }

    /**
     * A cleaned copy of a cause chain (see {@link ScrubbedThrowable}).
     *
     * @param cause the cause, or null
     * @return the copy, or null
     */
    @Nullable
    Throwable cause(@Nullable Throwable cause) {
        return ScrubbedThrowable.of(cause, message -> text(message, DETAIL_CHARS));
    }

    /**
     * The failure an HTTP error answer stands for.
     *
     * @param response the answer, not 2xx
     * @param body its (capped) body
     * @return the exception, classified by code and status text
     */
    RemoteServiceException http(Response response, String body) {
        int code = response.code();
        String status = ServiceAnswers.statusText(body);
        Kind kind = ServiceAnswers.classify(code, status);
        String detail = null;
        // A refused key's page is about the credentials sent: nothing of it is quoted. Other bodies are
        // scrubbed whole before the snippet is cut, so that a key across the cut leaves no part behind.
        if (status == null && !body.isBlank() && code != 401 && code != 403) {
            detail = "answer: " + text(body.strip(), SNIPPET_CHARS);
        }
        return of(kind, code, status, detail, null);
    }

    /**
     * An HTTP error answer as an attempt failure (retryable) or a final exception.
     *
     * @param response the answer, not 2xx
     * @param body its (capped) body
     * @return the retryable failure
     * @throws RemoteServiceException if the failure is not worth retrying
     */
    AttemptFailure retryableOrThrow(Response response, String body) {
        RemoteServiceException e = http(response, body);
        if (!ServiceAnswers.retryable(e.kind())) {
            throw e;
        }
        return new AttemptFailure(e, retryAfter(response), false);
    }

    /**
     * The delay a {@code Retry-After} header asks for.
     *
     * @param response the answer
     * @return the delay, or null
     */
    @Nullable
    Duration retryAfter(Response response) {
        return RetryBudget.parseRetryAfter(
                        response.header("Retry-After"), runtime.clock().instant())
                .orElse(null);
    }

    /**
     * An I/O failure as a retryable network failure, unless the thread was interrupted.
     *
     * @param step {@code "upload"} or {@code "download"}
     * @param e the failure
     * @param afterSending true if the request had been sent whole, so that the service may have done (and
     *     billed) the work: such a failure is retried at most once (see {@link RetryBudget})
     * @return the retryable failure
     * @throws ColorizeException if the thread was interrupted (the interrupt flag is kept)
     */
    AttemptFailure network(String step, IOException e, boolean afterSending) {
        if (Thread.currentThread().isInterrupted()
                || (e instanceof InterruptedIOException
                        && !(e instanceof SocketTimeoutException)
                        && "interrupted".equals(e.getMessage()))) {
            Thread.currentThread().interrupt();
            throw new ColorizeException("deepai: interrupted during the " + step, cause(e));
        }
        String when = afterSending ? " after it was sent" : "";
        String what = e instanceof InterruptedIOException
                ? "the " + step + " timed out" + when + " (connect "
                        + settings.connectTimeout().toSeconds() + " s, read "
                        + settings.readTimeout().toSeconds() + " s, whole call "
                        + settings.callTimeout().toSeconds() + " s; see the timeouts setting)"
                : "the " + step + " broke off" + when + ": " + e;
        return new AttemptFailure(of(Kind.NETWORK, 0, null, what, e), null, afterSending);
    }
}
