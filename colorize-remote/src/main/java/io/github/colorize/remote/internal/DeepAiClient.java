package io.github.colorize.remote.internal;

import io.github.colorize.ColorizeException;
import io.github.colorize.internal.json.Json;
import io.github.colorize.internal.json.JsonException;
import io.github.colorize.remote.RemoteServiceException;
import io.github.colorize.remote.RemoteServiceException.Kind;
import java.io.IOException;
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
 * retried within the photo's {@link RetryBudget}, which alone decides whether an upload is sent again (one
 * that failed after it was sent whole is sent again at most once: the service may bill it twice). The key
 * goes only to the upload endpoint, never to the download (which may be on another allowed host) and never
 * into a message or log line.
 *
 * <p>Thread-safe: many photos may be in flight at once (the caller bounds how many); {@link #close()}
 * cancels those in flight and frees the connection pool.
 */
public final class DeepAiClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeepAiClient.class);

    /** JSON answers are a few hundred bytes; anything far larger is not the answer we expect. */
    static final int MAX_JSON_BYTES = 1 << 20;

    static final String USER_AGENT = "colorize-java (io.github.colorize:colorize-remote)";

    private final DeepAiSettings settings;
    private final ApiKey key;
    private final RemoteRuntime runtime;
    private final OkHttpClient http;
    private final HttpUrl base;
    private final HttpUrl endpoint;
    private final @Nullable RateLimiter limiter;
    private final Failures failures;
    private final ResultDownload download;
    private volatile boolean closed;
    private volatile @Nullable RemoteServiceException accountRefusal;

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
                // OkHttp would otherwise send an upload again, unseen and outside maxRetries, when a connection
                // fails after the service received it (and may have billed it); the retry budget decides.
                .retryOnConnectionFailure(false)
                .build();
        this.base = HttpUrl.get(settings.baseUrl());
        this.endpoint = base.resolve("api/colorizer");
        this.limiter = RateLimiter.perMinute(settings.ratePerMinute(), runtime);
        this.failures = new Failures(settings, key, runtime);
        // The result GET costs nothing to repeat: OkHttp may retry it over a fresh connection as it likes.
        // Derived, it shares the pool and dispatcher, so close() covers it too.
        OkHttpClient downloads =
                http.newBuilder().retryOnConnectionFailure(true).build();
        this.download = new ResultDownload(downloads, settings, failures);
    }

    /**
     * Sends a photo and downloads the result, retrying as the settings allow.
     *
     * <p>Once the service has refused the key or reported the quota exhausted, every later call fails at
     * once with the same kind, without uploading: no further photo can succeed with this key until the
     * user acts, and a batch that does not check {@link RemoteServiceException#stopsBatch()} should not
     * keep sending private photos in vain. A new client (a rerun) asks the service again.
     *
     * @param upload the photo's bytes or its URL
     * @return the result file's bytes (normally a JPEG), not yet decoded
     * @throws RemoteServiceException if the service fails, refuses or answers unusably
     * @throws ColorizeException if interrupted or closed meanwhile
     */
    public byte[] fetch(Upload upload) {
        RemoteServiceException refusal = accountRefusal;
        if (refusal != null) {
            throw new RemoteServiceException(
                    refusal.kind(),
                    refusal.httpStatus(),
                    refusal.serviceStatus().orElse(null),
                    refusal.getMessage() + " (refused earlier; not contacting the service again with this colorizer)",
                    null);
        }
        try {
            RetryBudget budget = new RetryBudget(settings.maxRetries(), settings.maxRetryTime(), runtime);
            HttpUrl result = withRetries(budget, "upload", () -> submitOnce(upload));
            return withRetries(budget, "download", () -> downloadOnce(result));
        } catch (RemoteServiceException e) {
            if (e.stopsBatch()) {
                accountRefusal = e;
            }
            throw e;
        }
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
                RetryBudget.Decision d = budget.next(f.retryAfter(), f.afterSending());
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
        SendTrackingBody sendTracking = new SendTrackingBody(form.build());
        Request request = new Request.Builder()
                .url(endpoint)
                .header("api-key", key.value())
                .header("User-Agent", USER_AGENT)
                .post(sendTracking)
                .build();
        acquireRateSlot();
        LOG.debug("deepai: POST {}", endpoint);
        try (Response response = http.newCall(request).execute()) {
            String body = new String(BoundedRead.bytes(response.body(), MAX_JSON_BYTES, false), StandardCharsets.UTF_8);
            if (!response.isSuccessful()) {
                throw failures.retryableOrThrow(response, body);
            }
            return resultUrl(body, response.code());
        } catch (IOException e) {
            ensureOpen();
            // Before the body was sent whole (connect refused, unknown host, TLS or connect timeout) the
            // service cannot have done the work; after it, it may have (see RetryBudget).
            throw failures.network("upload", e, sendTracking.sent());
        }
    }

    private HttpUrl resultUrl(String body, int code) {
        Map<String, Object> json;
        try {
            json = Json.parseObject(body);
        } catch (JsonException e) {
            throw failures.of(Kind.BAD_RESPONSE, code, null, "malformed JSON (" + e.getMessage() + ")", null);
        }
        Object url = json.get("output_url");
        if (!(url instanceof String s) || s.isBlank()) {
            // Some services answer 200 with an error text; a quota text still means quota.
            String status = ServiceAnswers.statusText(body);
            Kind kind = ServiceAnswers.mentionsQuota(status) ? Kind.QUOTA_EXHAUSTED : Kind.BAD_RESPONSE;
            throw failures.of(kind, code, status, "the answer has no output_url", null);
        }
        HttpUrl resolved = base.resolve(s.strip());
        if (resolved == null) {
            throw failures.of(Kind.BAD_RESPONSE, code, null, "output_url is not a URL", null);
        }
        String refusal = UrlPolicy.refusal(resolved, settings);
        if (refusal != null) {
            throw failures.of(Kind.BAD_RESPONSE, code, null, refusal + "; refused", null);
        }
        LOG.debug(
                "deepai: job {} done, result at {}",
                failures.text(String.valueOf(json.get("id")), 100),
                failures.text(resolved.redact(), Failures.DETAIL_CHARS));
        return resolved;
    }

    /**
     * The failure for a result that downloaded but cannot be used.
     *
     * @param detail why (cleaned here)
     * @param cause the decoder's failure, or null (replaced by a cleaned copy)
     * @return the exception to throw
     */
    RemoteServiceException unusableResult(String detail, @Nullable Throwable cause) {
        return failures.unusableResult(detail, cause);
    }

    private byte[] downloadOnce(HttpUrl url) throws AttemptFailure {
        try {
            return download.once(url);
        } catch (IOException e) {
            ensureOpen();
            throw failures.network("download", e, false);
        }
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
