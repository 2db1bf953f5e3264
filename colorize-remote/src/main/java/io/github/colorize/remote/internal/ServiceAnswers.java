package io.github.colorize.remote.internal;

import io.github.colorize.internal.json.Json;
import io.github.colorize.internal.json.JsonException;
import io.github.colorize.remote.RemoteServiceException.Kind;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the service's error answers: its {@code status} text and what an HTTP code means for us.
 * DeepAI answers errors with JSON {@code {"status": "..."}}, and uses 401 both for a bad key and for an
 * exhausted quota, so the text decides between the two. Stateless; thread-safe.
 */
final class ServiceAnswers {

    /** Words the service uses when the account, not the key, is the problem. */
    private static final Pattern QUOTA_WORDS =
            Pattern.compile("quota|credit|payment|billing|out of api|insufficient funds", Pattern.CASE_INSENSITIVE);

    private ServiceAnswers() {}

    /**
     * The {@code status} (or, failing that, {@code err}) text of a JSON answer.
     *
     * @param body the answer body
     * @return the text, or null if the body is not a JSON object with one
     */
    static @Nullable String statusText(String body) {
        try {
            Map<String, Object> json = Json.parseObject(body);
            for (String field : new String[] {"status", "err", "error"}) {
                if (json.get(field) instanceof String s && !s.isBlank()) {
                    return s;
                }
            }
        } catch (JsonException e) {
            // Not JSON (a proxy's HTML page, say): the caller shows a snippet instead.
        }
        return null;
    }

    /**
     * What an HTTP error code (with the service's text) means.
     *
     * @param code the HTTP status, not 2xx
     * @param status the service's text, or null
     * @return the kind of failure
     */
    static Kind classify(int code, @Nullable String status) {
        boolean quotaText = mentionsQuota(status);
        if (code == 402 || (quotaText && (code == 401 || code == 403 || code == 429))) {
            return Kind.QUOTA_EXHAUSTED;
        } else if (code == 401 || code == 403) {
            return Kind.BAD_KEY;
        } else if (code == 429) {
            return Kind.RATE_LIMITED;
        } else if (code == 408) {
            return Kind.NETWORK;
        } else if (code >= 500) {
            return Kind.SERVER_ERROR;
        }
        return Kind.REJECTED;
    }

    /**
     * Whether a service text speaks of the account's quota, credits or payment.
     *
     * @param status the text, or null
     * @return true if it does
     */
    static boolean mentionsQuota(@Nullable String status) {
        return status != null && QUOTA_WORDS.matcher(status).find();
    }

    /**
     * Whether a failure of this kind is worth retrying: rate limits, server errors, network trouble.
     * Never the key, the quota or a refusal: those fail the same way again (and could cost money).
     *
     * @param kind the failure
     * @return true if a retry may succeed
     */
    static boolean retryable(Kind kind) {
        return kind == Kind.RATE_LIMITED || kind == Kind.SERVER_ERROR || kind == Kind.NETWORK;
    }

    /**
     * What a kind means, for messages.
     *
     * @param kind the failure
     * @return a short phrase
     */
    static String describe(Kind kind) {
        return switch (kind) {
            case QUOTA_EXHAUSTED -> "quota exhausted (add credits or wait for the quota to reset, then rerun)";
            case BAD_KEY -> "the service refused the API key (check the apiKey secret, DEEPAI_API_KEY or DL_API_KEY)";
            case RATE_LIMITED -> "rate limited (lower ratePerMinute or maxConcurrent)";
            case SERVER_ERROR -> "server error";
            case REJECTED -> "the service refused the request";
            case BAD_RESPONSE -> "unusable answer";
            case NETWORK -> "network failure";
        };
    }
}
