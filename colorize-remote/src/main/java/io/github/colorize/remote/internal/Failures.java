package io.github.colorize.remote.internal;

import io.github.colorize.ColorizeException;
import io.github.colorize.internal.text.MessageText;
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
 * code, what it means: "the service's status"; detail}), with the API key scrubbed from every text that
 * came from the service. Immutable; thread-safe.
 */
final class Failures {

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
     * @param status the service's status text, or null (scrubbed here)
     * @param detail more explanation, or null (scrubbed here)
     * @param cause the underlying failure, or null
     * @return the exception
     */
    RemoteServiceException of(
            Kind kind, int code, @Nullable String status, @Nullable String detail, @Nullable Throwable cause) {
        String s = key.scrub(status);
        StringBuilder m = new StringBuilder("deepai (").append(settings.host()).append("): ");
        if (code > 0) {
            m.append("HTTP ").append(code).append(", ");
        }
        m.append(ServiceAnswers.describe(kind));
        // The service's texts are quoted with their control characters escaped: an answer must not be able
        // to rewrite the user's terminal or forge log lines through a message.
        if (s != null) {
            m.append(": \"").append(MessageText.printable(s)).append('"');
        }
        if (detail != null) {
            m.append("; ").append(MessageText.printable(key.scrub(detail)));
        }
        return new RemoteServiceException(kind, code, s, m.toString(), cause);
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
            detail = "answer: " + ServiceAnswers.snippet(key.scrub(body));
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
            throw new ColorizeException("deepai: interrupted during the " + step, e);
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
