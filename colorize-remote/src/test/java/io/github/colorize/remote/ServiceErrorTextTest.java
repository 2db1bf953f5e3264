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

    /** Characters that would act on a terminal or a log reader instead of showing. */
    private static final String HOSTILE =
            "\u001B[2J\u001B]0;owned\u0007\r\n2026-11-22 [main] INFO fake line\u009B31m\u202Egpj";

    private static void assertClean(String text) {
        assertThat(text)
                .doesNotContain("\u001B", "\u0007", "\r", "\n", "\u009B", "\u202E")
                .contains("\\x1B[2J", "\\r\\n2026-11-22", "\\x9B31m", "\\u202E");
    }

    @Test
    void aHugeStatusTextIsCutAndALongBodyQuotedInPart() {
        server.enqueue(MockDeepAi.json(400, "{\"status\": \"" + "too big ".repeat(50_000) + "\"}"));
        RemoteServiceException e = failure();
        assertThat(e.getMessage()).hasSizeLessThan(600).contains("(399700 more characters)");
        assertThat(e.serviceStatus().orElseThrow()).hasSizeLessThan(350).startsWith("too big too big");
        server.enqueue(html(400, "<p>" + "y".repeat(400_000) + "</p>"));
        assertThat(failure().getMessage()).hasSizeLessThan(500).contains("(399807 more characters)");
    }

    @Test
    void aHugeStatusOfARetriedAnswerGivesShortLogLines() {
        server.enqueue(MockDeepAi.json(503, "{\"status\": \"" + "x".repeat(400_000) + "\"}"));
        server.enqueue(MockDeepAi.json(503, "{\"status\": \"" + "x".repeat(400_000) + "\"}"));
        String stderr;
        try (PrintedOutput printed = new PrintedOutput();
                DeepAiColorizer c = fake.provider()
                        .create(MockDeepAi.config(server).set("maxRetries", "1").build())) {
            catchThrowableOfType(
                    RemoteServiceException.class,
                    () -> c.colorize(TestImages.grayScan(16, 16, 1), ColorizeOptions.defaults()));
            stderr = printed.stderr();
        }
        assertThat(stderr)
                .contains("deepai: upload failed")
                .contains("more characters")
                .hasSizeLessThan(4_000);
    }

    @Test
    void controlCharactersInStatusTextsAndBodiesBecomeVisibleEscapes() {
        server.enqueue(MockDeepAi.json(400, "{\"status\": \"" + json(HOSTILE) + "\"}"));
        RemoteServiceException e = failure();
        assertClean(e.getMessage());
        assertClean(e.serviceStatus().orElseThrow());
        server.enqueue(html(400, "<p>" + HOSTILE + "</p>"));
        assertClean(failure().getMessage());
        server.enqueue(MockDeepAi.json(200, "{\"err\": \"" + json(HOSTILE) + "\"}"));
        assertClean(failure().getMessage());
    }

    @Test
    void aMalformedStatusLineIsCleanedInTheMessageAndTheCause() {
        server.enqueue(new MockResponse.Builder()
                .status("HTTP/1.1 2x0 \u001B[2J\u001B]0;owned\u0007" + "z".repeat(5_000))
                .build());
        RemoteServiceException e = failure();
        assertThat(e.kind()).isEqualTo(Kind.NETWORK);
        assertThat(e.getMessage()).contains("\\x1B[2J").doesNotContain("\u001B").hasSizeLessThan(1_000);
        assertThat(e.getCause()).isNotNull();
        assertThat(e.getCause().toString())
                .startsWith("java.net.ProtocolException: Unexpected status line: HTTP/1.1 2x0 \\x1B[2J")
                .doesNotContain("\u001B", "\u0007")
                .hasSizeLessThan(1_000);
        assertThat(e.getCause().getStackTrace()).isNotEmpty();
    }

    @Test
    void aJobIdAndResultUrlFromTheServiceAreLoggedCleaned() {
        server.enqueue(MockDeepAi.json(
                200, "{\"id\": \"" + json(HOSTILE) + "\", \"output_url\": \"" + server.url("/out%0A%1B.jpg") + "\"}"));
        server.enqueue(MockDeepAi.image(MockDeepAi.SERVICE_JPEG));
        String stderr;
        try (PrintedOutput printed = new PrintedOutput();
                DeepAiColorizer c =
                        fake.provider().create(MockDeepAi.config(server).build())) {
            c.colorize(TestImages.grayScan(16, 16, 1), ColorizeOptions.defaults());
            stderr = printed.stderr();
        }
        String jobLine = stderr.lines()
                .filter(l -> l.contains("deepai: job "))
                .findFirst()
                .orElseThrow();
        assertClean(jobLine);
        assertThat(stderr).doesNotContain("\u001B").doesNotContain("\n2026-11-22");
    }

    private static String json(String text) {
        StringBuilder sb = new StringBuilder();
        text.chars()
                .forEach(c -> sb.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return sb.toString();
    }
}
