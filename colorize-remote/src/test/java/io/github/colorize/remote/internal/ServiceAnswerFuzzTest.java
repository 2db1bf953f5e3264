package io.github.colorize.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.colorize.BackendConfig;
import io.github.colorize.remote.RemoteServiceException;
import io.github.colorize.testkit.FuzzContract;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes how the backend reads the service's answers: the JSON of a 2xx answer ({@code output_url},
 * the URL policy, a 200 with an error text), the error answers ({@code status}/{@code err} text, the
 * quota wording, the body snippet), the {@code Retry-After} header and a redirect's {@code Location}.
 *
 * <p>Input layout, so that seeds are readable: line 1 the HTTP status code, line 2 the {@code
 * Retry-After} value, line 3 the {@code Location} value, the rest the body. Seeds in {@code
 * ServiceAnswerFuzzTestInputs/answer/}.
 */
@Tag("fuzz")
class ServiceAnswerFuzzTest {

    private static final String KEY = "fuzz-secret-key-0123456789";
    private static final BackendConfig CONFIG = BackendConfig.builder()
            .apiKey(KEY)
            .set("allowedHosts", "*.files.example.net")
            .build();
    private static final DeepAiSettings SETTINGS = DeepAiSettings.parse(CONFIG);
    private static final ApiKey API_KEY = ApiKey.resolve(CONFIG, name -> null).orElseThrow();
    private static final RemoteRuntime RUNTIME = RemoteRuntime.system();
    private static final Failures FAILURES = new Failures(SETTINGS, API_KEY, RUNTIME);
    private static final DeepAiClient CLIENT = new DeepAiClient(SETTINGS, API_KEY, RUNTIME);
    private static final HttpUrl ENDPOINT = HttpUrl.get(SETTINGS.baseUrl()).resolve("api/colorizer");
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    /** Above {@code DeepAiClient.MAX_JSON_BYTES} nothing is parsed; the service's answers are tiny. */
    private static final int MAX_BYTES = 16 << 10;

    /**
     * Contract: a usable result URL on an allowed host, or {@link RemoteServiceException} naming the
     * service's host, with a printable message that never holds the API key; a delay that is never
     * negative or absurd.
     */
    @FuzzTest(maxDuration = "15s")
    void answer(byte[] input) throws Throwable {
        if (input.length > MAX_BYTES) {
            return;
        }
        String[] parts = new String(input, StandardCharsets.UTF_8).split("\n", 4);
        int code = code(parts[0]);
        String retryAfter = parts.length > 1 ? parts[1] : "";
        String location = parts.length > 2 ? parts[2] : "";
        String body = parts.length > 3 ? parts[3] : "";

        Optional<Duration> delay = RetryBudget.parseRetryAfter(retryAfter, NOW);
        delay.ifPresent(d -> assertThat(d.isNegative()).isFalse());

        HttpUrl redirect = ENDPOINT.resolve(location);
        if (redirect != null) {
            String refusal = UrlPolicy.refusal(redirect, SETTINGS);
            if (refusal != null) {
                FuzzContract.requirePrintable(refusal, new AssertionError(refusal));
            }
        }

        try {
            if (code >= 200 && code < 300) {
                HttpUrl url = CLIENT.resultUrl(body, code);
                assertThat(UrlPolicy.refusal(url, SETTINGS)).isNull();
            } else {
                throw FAILURES.http(response(code), body);
            }
        } catch (Throwable t) {
            FuzzContract.check(t, Set.of(RemoteServiceException.class), "deepai (" + SETTINGS.host() + ")");
            assertThat(t.getMessage()).doesNotContain(KEY);
        }
    }

    private static int code(String line) {
        try {
            int c = Integer.parseInt(line.strip());
            return c >= 100 && c <= 599 ? c : 200;
        } catch (NumberFormatException e) {
            return 200;
        }
    }

    private static Response response(int code) {
        return new Response.Builder()
                .request(new Request.Builder().url(ENDPOINT).build())
                .protocol(Protocol.HTTP_1_1)
                .code(code)
                .message("fuzz")
                .build();
    }
}
