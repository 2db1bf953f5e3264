package io.github.colorize.remote.internal;

import io.github.colorize.remote.RemoteServiceException;
import io.github.colorize.remote.RemoteServiceException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads the service's result: a plain GET without the API key (the result may be on another
 * allowed host, which must not see it), redirects followed by hand so that every hop passes the {@link
 * UrlPolicy}, and the body capped at {@code maxDownloadBytes}. Thread-safe.
 */
final class ResultDownload {

    private static final Logger LOG = LoggerFactory.getLogger(ResultDownload.class);
    /** Redirects followed at most; the next one is refused. */
    private static final int MAX_REDIRECTS = 5;

    private final OkHttpClient http;
    private final DeepAiSettings settings;
    private final Failures failures;

    ResultDownload(OkHttpClient http, DeepAiSettings settings, Failures failures) {
        this.http = http;
        this.settings = settings;
        this.failures = failures;
    }

    /**
     * One download attempt.
     *
     * @param first the checked result URL
     * @return the body
     * @throws AttemptFailure for answers worth retrying (429, 5xx)
     * @throws IOException for transport failures (the caller decides about retrying)
     * @throws RemoteServiceException for anything else
     */
    byte[] once(HttpUrl first) throws AttemptFailure, IOException {
        HttpUrl url = first;
        for (int hop = 0; ; hop++) {
            Request request = new Request.Builder()
                    .url(url)
                    .header("User-Agent", DeepAiClient.USER_AGENT)
                    .get()
                    .build();
            LOG.debug("deepai: GET {}", failures.text(url.redact(), Failures.DETAIL_CHARS));
            try (Response response = http.newCall(request).execute()) {
                if (response.isRedirect()) {
                    url = redirectTarget(response, hop);
                    continue;
                }
                if (!response.isSuccessful()) {
                    String body = new String(
                            BoundedRead.bytes(response.body(), DeepAiClient.MAX_JSON_BYTES, false),
                            StandardCharsets.UTF_8);
                    RemoteServiceException e = failures.http(response, body);
                    if (ServiceAnswers.retryable(e.kind())) {
                        throw new AttemptFailure(e, failures.retryAfter(response), false);
                    }
                    // A 404 here usually means the result URL expired: nothing the key or quota explain.
                    throw failures.of(
                            Kind.BAD_RESPONSE,
                            response.code(),
                            ServiceAnswers.statusText(body),
                            "downloading the result failed",
                            null);
                }
                return body(response);
            }
        }
    }

    private HttpUrl redirectTarget(Response response, int hop) {
        String location = response.header("Location");
        HttpUrl next = location == null ? null : response.request().url().resolve(location);
        if (next == null) {
            throw failures.of(Kind.BAD_RESPONSE, response.code(), null, "a redirect without a usable Location", null);
        }
        // hop counts the redirects already followed: this one would be number hop + 1.
        if (hop >= MAX_REDIRECTS) {
            throw failures.of(
                    Kind.BAD_RESPONSE, response.code(), null, "more than " + MAX_REDIRECTS + " redirects", null);
        }
        String refusal = UrlPolicy.refusal(next, settings);
        if (refusal != null) {
            throw failures.of(Kind.BAD_RESPONSE, response.code(), null, "a redirect: " + refusal + "; refused", null);
        }
        return next;
    }

    private byte[] body(Response response) throws IOException {
        long cap = settings.maxDownloadBytes();
        long declared = response.body().contentLength();
        if (declared > cap) {
            throw failures.of(
                    Kind.BAD_RESPONSE,
                    response.code(),
                    null,
                    "the result is " + declared + " bytes, over maxDownloadBytes=" + cap,
                    null);
        }
        try {
            return BoundedRead.bytes(response.body(), cap, true);
        } catch (BoundedRead.TooLargeException e) {
            throw failures.of(
                    Kind.BAD_RESPONSE,
                    response.code(),
                    null,
                    "the result is over maxDownloadBytes=" + cap + " bytes",
                    null);
        }
    }
}
