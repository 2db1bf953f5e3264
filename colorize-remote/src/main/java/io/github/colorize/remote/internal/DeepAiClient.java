package io.github.colorize.remote.internal;

import io.github.colorize.ColorizeException;
import io.github.colorize.remote.RemoteServiceException;
import io.github.colorize.remote.RemoteServiceException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to the DeepAI colourising API: one upload ({@code POST {base}/api/colorizer}, multipart field
 * {@code image}, header {@code api-key}) and one download of the {@code output_url} it answers with, each
 * retried within the photo's {@link RetryBudget}. The key goes only to the upload endpoint, never to the
 * download (which may be on another allowed host) and never into a message or log line.
 *
 * <p>Thread-safe: many photos may be in flight at once (the caller bounds how many); {@link #close()}
 * cancels those in flight and frees the connection pool.
 */
public final class DeepAiClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeepAiClient.class);

    /** JSON answers are a few hundred bytes; anything far larger is not the answer we expect. */
    static final int MAX_JSON_BYTES = 1 << 20;

    private static final int MAX_REDIRECTS = 5;
    private static final String USER_AGENT = "colorize-java (io.github.colorize:colorize-remote)";

    private final DeepAiSettings settings;
    private final ApiKey key;
    private final RemoteRuntime runtime;
    private final OkHttpClient http;
    private final HttpUrl base;
    private final HttpUrl endpoint;
    private final @Nullable RateLimiter limiter;
    private volatile boolean closed;

    /**
     * Creates the client; no connection is opened yet.
     *
     * @param settings the parsed settings
     * @param key the API key
     * @param runtime clock, sleeper and randomness for retries and the rate limit
     */
    public DeepAiClient(DeepAiSettings settings, ApiKey key, RemoteRuntime runtime) {
        this.settings = settings;
        this.key = key;
        this.runtime = runtime;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.writeTimeout())
                .callTimeout(settings.callTimeout())
                // Redirects are followed by hand, so that every hop passes the URL policy.
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        this.base = HttpUrl.get(settings.baseUrl());
        this.endpoint = base.resolve("api/colorizer");
        this.limiter = RateLimiter.perMinute(settings.ratePerMinute(), runtime);
    }

    /**
     * Sends a photo and downloads the result, retrying as the settings allow.
     *
     * @param upload the photo's bytes or its URL
     * @return the result file's bytes (normally a JPEG), not yet decoded
     * @throws RemoteServiceException if the service fails, refuses or answers unusably
     * @throws ColorizeException if interrupted or closed meanwhile
     */
    public byte[] fetch(Upload upload) {
        RetryBudget budget = new RetryBudget(settings.maxRetries(), settings.maxRetryTime(), runtime);
        HttpUrl result = withRetries(budget, "upload", () -> submitOnce(upload));
        return withRetries(budget, "download", () -> downloadOnce(result));
    }

    private interface Attempt<T> {
        T run() throws AttemptFailure;
    }

    private <T> T withRetries(RetryBudget budget, String step, Attempt<T> attempt) {
        while (true) {
            ensureOpen();
            try {
                return attempt.run();
            } catch (AttemptFailure f) {
                RetryBudget.Decision d = budget.next(f.retryAfter());
                RemoteServiceException e = f.failure();
                if (!d.retry()) {
                    throw new RemoteServiceException(
                            e.kind(),
                            e.httpStatus(),
                            e.serviceStatus().orElse(null),
                            e.getMessage() + "; " + d.reason(),
                            e.getCause());
                }
                LOG.warn("deepai: {} failed ({}); {}", step, e.getMessage(), d.reason());
                sleep(d.delay());
            }
        }
    }

    private HttpUrl submitOnce(Upload upload) throws AttemptFailure {
        MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
        if (upload instanceof Upload.Photo p) {
            form.addFormDataPart("image", p.fileName(), RequestBody.create(p.bytes(), MediaType.get(p.mediaType())));
        } else {
            form.addFormDataPart("image", ((Upload.Link) upload).url());
        }
        Request request = new Request.Builder()
                .url(endpoint)
                .header("api-key", key.value())
                .header("User-Agent", USER_AGENT)
                .post(form.build())
                .build();
        acquireRateSlot();
        LOG.debug("deepai: POST {}", endpoint);
        try (Response response = http.newCall(request).execute()) {
            String body = new String(BoundedRead.bytes(response.body(), MAX_JSON_BYTES, false), StandardCharsets.UTF_8);
            if (!response.isSuccessful()) {
                RemoteServiceException e = httpFailure(response, body);
                if (!ServiceAnswers.retryable(e.kind())) {
                    throw e;
                }
                throw new AttemptFailure(e, retryAfter(response));
            }
            return resultUrl(body, response.code());
        } catch (IOException e) {
            throw networkFailure("upload", e);
        }
    }

    private HttpUrl resultUrl(String body, int code) {
        Map<String, Object> json;
        try {
            json = Json.parseObject(body);
        } catch (Json.JsonException e) {
            throw failure(Kind.BAD_RESPONSE, code, null, "malformed JSON (" + e.getMessage() + ")", null);
        }
        Object url = json.get("output_url");
        if (!(url instanceof String s) || s.isBlank()) {
            String status = ServiceAnswers.statusText(body);
            Kind kind = status != null && ServiceAnswers.classify(401, status) == Kind.QUOTA_EXHAUSTED
                    ? Kind.QUOTA_EXHAUSTED
                    : Kind.BAD_RESPONSE;
            throw failure(kind, code, status, "the answer has no output_url", null);
        }
        HttpUrl resolved = base.resolve(s.strip());
        if (resolved == null) {
            throw failure(Kind.BAD_RESPONSE, code, null, "output_url is not a URL", null);
        }
        String refusal = UrlPolicy.refusal(resolved, settings);
        if (refusal != null) {
            throw failure(Kind.BAD_RESPONSE, code, null, refusal + "; refused", null);
        }
        LOG.debug("deepai: job {} done, result at {}", json.get("id"), resolved.redact());
        return resolved;
    }

    private byte[] downloadOnce(HttpUrl first) throws AttemptFailure {
        HttpUrl url = first;
        for (int hop = 0; ; hop++) {
            // No api-key header: the result may live on another host, which must not see the key.
            Request request = new Request.Builder()
                    .url(url)
                    .header("User-Agent", USER_AGENT)
                    .get()
                    .build();
            LOG.debug("deepai: GET {}", url.redact());
            try (Response response = http.newCall(request).execute()) {
                if (response.isRedirect()) {
                    url = redirectTarget(response, hop);
                    continue;
                }
                if (!response.isSuccessful()) {
                    String body = new String(
                            BoundedRead.bytes(response.body(), MAX_JSON_BYTES, false), StandardCharsets.UTF_8);
                    RemoteServiceException e = httpFailure(response, body);
                    if (ServiceAnswers.retryable(e.kind())) {
                        throw new AttemptFailure(e, retryAfter(response));
                    }
                    // A 404 here usually means the result URL expired: nothing the key or quota explain.
                    throw failure(
                            Kind.BAD_RESPONSE,
                            response.code(),
                            e.serviceStatus().orElse(null),
                            "downloading the result failed",
                            null);
                }
                return readResult(response);
            } catch (IOException e) {
                throw networkFailure("download", e);
            }
        }
    }

    private HttpUrl redirectTarget(Response response, int hop) {
        String location = response.header("Location");
        HttpUrl next = location == null ? null : response.request().url().resolve(location);
        if (next == null) {
            throw failure(Kind.BAD_RESPONSE, response.code(), null, "a redirect without a usable Location", null);
        }
        if (hop + 1 >= MAX_REDIRECTS) {
            throw failure(Kind.BAD_RESPONSE, response.code(), null, "more than " + MAX_REDIRECTS + " redirects", null);
        }
        String refusal = UrlPolicy.refusal(next, settings);
        if (refusal != null) {
            throw failure(Kind.BAD_RESPONSE, response.code(), null, "a redirect: " + refusal + "; refused", null);
        }
        return next;
    }

    private byte[] readResult(Response response) throws IOException {
        long cap = settings.maxDownloadBytes();
        long declared = response.body().contentLength();
        if (declared > cap) {
            throw failure(
                    Kind.BAD_RESPONSE,
                    response.code(),
                    null,
                    "the result is " + declared + " bytes, over maxDownloadBytes=" + cap,
                    null);
        }
        try {
            return BoundedRead.bytes(response.body(), cap, true);
        } catch (BoundedRead.TooLargeException e) {
            throw failure(
                    Kind.BAD_RESPONSE,
                    response.code(),
                    null,
                    "the result is over maxDownloadBytes=" + cap + " bytes",
                    null);
        }
    }

    private RemoteServiceException httpFailure(Response response, String body) {
        String status = ServiceAnswers.statusText(body);
        Kind kind = ServiceAnswers.classify(response.code(), status);
        String detail = status == null && !body.isBlank() ? "answer: " + ServiceAnswers.snippet(body) : null;
        return failure(kind, response.code(), status, detail, null);
    }

    private java.time.@Nullable Duration retryAfter(Response response) {
        return RetryBudget.parseRetryAfter(
                        response.header("Retry-After"), runtime.clock().instant())
                .orElse(null);
    }

    private AttemptFailure networkFailure(String step, IOException e) {
        ensureOpen();
        if (Thread.currentThread().isInterrupted()
                || (e instanceof InterruptedIOException
                        && !(e instanceof SocketTimeoutException)
                        && "interrupted".equals(e.getMessage()))) {
            Thread.currentThread().interrupt();
            throw new ColorizeException("deepai: interrupted during the " + step, e);
        }
        boolean timeout = e instanceof InterruptedIOException;
        String what = timeout
                ? "the " + step + " timed out (connect "
                        + settings.connectTimeout().toSeconds() + " s, read "
                        + settings.readTimeout().toSeconds() + " s, whole call "
                        + settings.callTimeout().toSeconds()
                        + " s; see the timeouts setting)"
                : "the " + step + " broke off: " + e;
        return new AttemptFailure(failure(Kind.NETWORK, 0, null, what, e), null);
    }

    private RemoteServiceException failure(
            Kind kind, int code, @Nullable String status, @Nullable String detail, @Nullable Throwable cause) {
        String s = key.scrub(status);
        StringBuilder m = new StringBuilder("deepai (").append(settings.host()).append("): ");
        if (code > 0) {
            m.append("HTTP ").append(code).append(", ");
        }
        m.append(ServiceAnswers.describe(kind));
        if (s != null) {
            m.append(": \"").append(s).append('"');
        }
        if (detail != null) {
            m.append("; ").append(key.scrub(detail));
        }
        return new RemoteServiceException(kind, code, s, m.toString(), cause);
    }

    private void acquireRateSlot() {
        if (limiter != null) {
            try {
                limiter.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ColorizeException("deepai: interrupted while waiting for the rate limit", e);
            }
        }
    }

    private void sleep(java.time.Duration delay) {
        try {
            runtime.sleeper().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ColorizeException("deepai: interrupted while waiting to retry", e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new ColorizeException("deepai: the colorizer was closed while a photo was in flight");
        }
    }

    /** Cancels calls in flight and releases pooled connections. Idempotent. */
    @Override
    public void close() {
        closed = true;
        http.dispatcher().cancelAll();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "DeepAiClient[" + endpoint + ", key " + key + "]";
    }
}
