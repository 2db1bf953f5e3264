package io.github.colorize.remote;

import static io.github.colorize.remote.MockDeepAi.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.colorize.ColorizeOptions;
import io.github.colorize.remote.RemoteServiceException.Kind;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** What of a non-JSON error answer reaches the exception (and so the retry warning, which logs its message). */
class ServiceErrorTextTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final FakeRuntime fake = FakeRuntime.withKey(KEY);

    private RemoteServiceException failure() {
        try (DeepAiColorizer c = fake.provider()
                .create(MockDeepAi.config(server).set("maxRetries", "0").build())) {
            return catchThrowableOfType(
                    RemoteServiceException.class,
                    () -> c.colorize(TestImages.grayScan(16, 16, 1), ColorizeOptions.defaults()));
        }
    }

    private static MockResponse html(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "text/html")
                .body(body)
                .build();
    }

    @Test
    void aKeyAcrossTheSnippetCutIsScrubbedBeforeTheCut() {
        // The snippet keeps 200 characters: the key starts 10 before the cut.
        server.enqueue(html(502, "x".repeat(190) + KEY + "y".repeat(60)));
        RemoteServiceException e = failure();
        assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(e.getMessage()).contains("answer: xxx").contains("x****y").doesNotContain(KEY.substring(0, 6));
    }

    @Test
    void aJsonEscapedOrUrlEncodedKeyIsScrubbedToo() {
        String key = "k/ey+" + KEY;
        fake.env.put("DEEPAI_API_KEY", key);
        server.enqueue(html(
                500,
                "a " + key.replace("/", "\\/") + " b " + key.replace("/", "%2F").replace("+", "%2B")));
        RemoteServiceException e = failure();
        assertThat(e.getMessage()).contains("answer: a **** b ****").doesNotContain(KEY);
    }

    @Test
    void aRefusalOfTheKeyDoesNotQuoteTheAnswersBody() {
        server.enqueue(html(401, "<html>key abc-" + KEY.substring(0, 8) + " unknown</html>"));
        RemoteServiceException e = failure();
        assertThat(e.kind()).isEqualTo(Kind.BAD_KEY);
        assertThat(e.getMessage())
                .contains("HTTP 401")
                .doesNotContain("answer:")
                .doesNotContain("<html>")
                .doesNotContain(KEY.substring(0, 8));
    }

    @Test
    void otherAnswersAreStillQuoted() {
        server.enqueue(html(400, "<html>image too small</html>"));
        assertThat(failure().getMessage()).contains("answer: <html>image too small</html>");
    }
}
