package io.github.colorize.remote;

import static io.github.colorize.remote.MockDeepAi.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.colorize.ColorizeOptions;
import io.github.colorize.remote.RemoteServiceException.Kind;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Arrays;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The backend against a loopback server emulating DeepAI: refusals, failures, retries and bad answers. */
class DeepAiFailuresTest {

    private static final String BAD_KEY = "Please pass a valid Api-Key in a HTTP header called \\\"Api-Key\\\"";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final FakeRuntime fake = FakeRuntime.withKey(KEY);
    private final BufferedImage photo = TestImages.grayScan(64, 48, 7);

    private RemoteServiceException failure(String... settings) {
        var config = MockDeepAi.config(server);
        for (int i = 0; i < settings.length; i += 2) {
            config.set(settings[i], settings[i + 1]);
        }
        try (DeepAiColorizer c = fake.provider().create(config.build())) {
            return catchThrowableOfType(
                    RemoteServiceException.class, () -> c.colorize(photo, ColorizeOptions.defaults()));
        }
    }

    private void succeeds(String... settings) {
        var config = MockDeepAi.config(server);
        for (int i = 0; i < settings.length; i += 2) {
            config.set(settings[i], settings[i + 1]);
        }
        try (DeepAiColorizer c = fake.provider().create(config.build())) {
            assertThat(c.colorize(photo, ColorizeOptions.defaults()).image().getWidth())
                    .isEqualTo(64);
        }
    }

    @Test
    void badKeyIsNotRetriedAndSaysSo() {
        server.enqueue(MockDeepAi.json(401, "{\"status\": \"" + BAD_KEY + "\"}"));
        RemoteServiceException e = failure();
        assertThat(e.kind()).isEqualTo(Kind.BAD_KEY);
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.serviceStatus()).contains("Please pass a valid Api-Key in a HTTP header called \"Api-Key\"");
        assertThat(e.stopsBatch()).isTrue();
        assertThat(e.getMessage())
                .contains("HTTP 401")
                .contains("refused the API key")
                .contains("called \"Api-Key\"");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(fake.sleeps).isEmpty();
    }

    @Test
    void quotaTextOn401IsQuotaExhaustion() {
        server.enqueue(MockDeepAi.json(401, "{\"status\": \"signed in try-it quota exceeded\"}"));
        RemoteServiceException e = failure();
        assertThat(e.kind()).isEqualTo(Kind.QUOTA_EXHAUSTED);
        assertThat(e.serviceStatus()).contains("signed in try-it quota exceeded");
        assertThat(e.stopsBatch()).isTrue();
        assertThat(e.getMessage()).contains("quota exhausted").contains("signed in try-it quota exceeded");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void afterQuotaExhaustionNoFurtherPhotoIsUploaded() {
        server.enqueue(MockDeepAi.json(402, "{\"status\": \"Out of API credits\"}"));
        MockDeepAi.enqueueSuccess(server);
        try (DeepAiColorizer c =
                fake.provider().create(MockDeepAi.config(server).build())) {
            RemoteServiceException first = catchThrowableOfType(
                    RemoteServiceException.class, () -> c.colorize(photo, ColorizeOptions.defaults()));
            RemoteServiceException second = catchThrowableOfType(
                    RemoteServiceException.class, () -> c.colorize(photo, ColorizeOptions.defaults()));
            assertThat(first.kind()).isEqualTo(Kind.QUOTA_EXHAUSTED);
            assertThat(second.kind()).isEqualTo(Kind.QUOTA_EXHAUSTED);
            assertThat(second.serviceStatus()).contains("Out of API credits");
            assertThat(second.getMessage()).contains("not contacting the service again");
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
        // A new colorizer (a rerun) asks the service again.
        succeeds();
    }

    @Test
    void aServerErrorDoesNotBlockLaterPhotos() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(MockDeepAi.json(500, "{\"status\": \"oops\"}"));
        }
        MockDeepAi.enqueueSuccess(server);
        try (DeepAiColorizer c =
                fake.provider().create(MockDeepAi.config(server).build())) {
            assertThat(catchThrowableOfType(
                                    RemoteServiceException.class, () -> c.colorize(photo, ColorizeOptions.defaults()))
                            .kind())
                    .isEqualTo(Kind.SERVER_ERROR);
            assertThat(c.colorize(photo, ColorizeOptions.defaults()).image().getWidth())
                    .isEqualTo(64);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 402, 403, 400, 413})
    void authQuotaAndRefusalsAreNeverRetried(int code) {
        server.enqueue(MockDeepAi.json(code, "{\"status\": \"no\"}"));
        server.enqueue(MockDeepAi.json(code, "{\"status\": \"no\"}"));
        RemoteServiceException e = failure();
        assertThat(e.httpStatus()).isEqualTo(code);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(fake.sleeps).isEmpty();
    }

    @Test
    void rateLimitHonoursRetryAfterThenSucceeds() {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "7")
                .body("{\"status\": \"Too many requests\"}")
                .build());
        MockDeepAi.enqueueSuccess(server);
        succeeds();
        assertThat(fake.sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aRetryAfterBeyondTheTimeBudgetFailsAtOnce() {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "3600")
                .body("{\"status\": \"Too many requests\"}")
                .build());
        RemoteServiceException e = failure("maxRetryTime", "1m");
        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.stopsBatch()).isFalse();
        assertThat(e.getMessage()).contains("Too many requests").contains("beyond maxRetryTime=60.0 s");
        assertThat(fake.sleeps).isEmpty();
    }

    @Test
    void serverErrorsTwiceThenSuccessWithGrowingJitteredDelays() {
        server.enqueue(MockDeepAi.json(500, "{\"status\": \"Internal error\"}"));
        server.enqueue(MockDeepAi.json(503, "<html>Service Unavailable</html>"));
        MockDeepAi.enqueueSuccess(server);
        succeeds();
        // random = 0.5: half of the delay fixed, a quarter of it "random" on top.
        assertThat(fake.sleeps).containsExactly(Duration.ofMillis(750), Duration.ofMillis(1500));
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void retriesAreBoundedInCount() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(MockDeepAi.json(502, "<html>Bad Gateway</html>"));
        }
        RemoteServiceException e = failure("maxRetries", "2");
        assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(e.httpStatus()).isEqualTo(502);
        assertThat(e.getMessage()).contains("Bad Gateway").contains("gave up after 3 attempts (maxRetries=2)");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void malformedJsonIsABadResponseAndNotRetried() {
        server.enqueue(MockDeepAi.json(200, "{output_url: \"nope\""));
        RemoteServiceException e = failure();
        assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("malformed JSON");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void jsonWithoutOutputUrlIsABadResponse() {
        server.enqueue(MockDeepAi.json(200, "{\"id\": \"x\"}"));
        RemoteServiceException e = failure();
        assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("no output_url");
    }

    @Test
    void jsonWithoutOutputUrlButWithAQuotaStatusIsQuotaExhaustion() {
        server.enqueue(MockDeepAi.json(
                200, "{\"status\": \"Out of API credits - please enter payment info in your dashboard\"}"));
        RemoteServiceException e = failure();
        assertThat(e.kind()).isEqualTo(Kind.QUOTA_EXHAUSTED);
        assertThat(e.serviceStatus()).contains("Out of API credits - please enter payment info in your dashboard");
    }

    @Test
    void outputUrlOnAnotherHostIsRefusedWithoutFetching() {
        server.enqueue(MockDeepAi.done("https://evil.example.com/x.jpg"));
        RemoteServiceException e = failure();
        assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE);
        assertThat(e.getMessage())
                .contains("evil.example.com")
                .contains("allowedHosts")
                .contains("refused");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void outputUrlOverPlainHttpOffLoopbackIsRefused() {
        server.enqueue(MockDeepAi.done("http://api.deepai.org/job-view-file/x/outputs/output.jpg"));
        RemoteServiceException e = failure("allowedHosts", "api.deepai.org");
        assertThat(e.getMessage()).contains("only https is allowed");
    }

    @Test
    void anotherHostIsFetchedOnlyWhenAllowed() {
        // 127.0.0.1 reaches the same server under another host name than the base URL's "localhost".
        String alias =
                server.url("/out.jpg").newBuilder().host("127.0.0.1").build().toString();
        server.enqueue(MockDeepAi.done(alias));
        assertThat(failure().getMessage()).contains("'127.0.0.1'");
        server.enqueue(MockDeepAi.done(alias));
        // Allowed without a port, a host is allowed on its scheme's default port only (80 for http).
        assertThat(failure("allowedHosts", "127.0.0.1").getMessage()).contains("but port " + server.getPort());
        server.enqueue(MockDeepAi.done(alias));
        server.enqueue(MockDeepAi.image(MockDeepAi.SERVICE_JPEG));
        succeeds("allowedHosts", "127.0.0.1:" + server.getPort());
    }

    @Test
    void aResultOnTheApisHostButAnotherPortIsRefusedWithoutFetching() {
        String otherPort = server.url("/out.jpg")
                .newBuilder()
                .port(server.getPort() + 1)
                .build()
                .toString();
        server.enqueue(MockDeepAi.done(otherPort));
        RemoteServiceException e = failure();
        assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("port " + (server.getPort() + 1)).contains("refused");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRedirectToAnotherHostIsRefused() {
        server.enqueue(MockDeepAi.done(server));
        server.enqueue(new MockResponse.Builder()
                .code(302)
                .setHeader("Location", "https://evil.example.com/x.jpg")
                .build());
        RemoteServiceException e = failure();
        assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("a redirect").contains("evil.example.com");
    }

    @Test
    void anExpiredResultUrlIsABadResponse() {
        server.enqueue(MockDeepAi.done(server));
        server.enqueue(MockDeepAi.json(404, "{\"status\": \"not found\"}"));
        RemoteServiceException e = failure();
        assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("HTTP 404").contains("downloading the result failed");
    }

    @Test
    void aStalledBodyTimesOutAndIsRetriedWithinTheBudget() {
        server.enqueue(MockDeepAi.done(server));
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse.Builder()
                    .body(new Buffer().write(MockDeepAi.SERVICE_JPEG))
                    .onResponseBody(SocketEffect.Stall.INSTANCE)
                    .build());
        }
        RemoteServiceException e = failure("timeouts", "read=300ms", "maxRetries", "1");
        assertThat(e.kind()).isEqualTo(Kind.NETWORK);
        assertThat(e.httpStatus()).isZero();
        assertThat(e.getMessage()).contains("download timed out").contains("gave up after 2 attempts");
        assertThat(fake.sleeps).hasSize(1);
    }

    @Test
    void aTruncatedTransferIsRetried() {
        server.enqueue(MockDeepAi.done(server));
        byte[] half = Arrays.copyOf(MockDeepAi.SERVICE_JPEG, MockDeepAi.SERVICE_JPEG.length / 2);
        server.enqueue(new MockResponse.Builder()
                .body(new Buffer().write(half))
                .setHeader("Content-Length", MockDeepAi.SERVICE_JPEG.length)
                .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        server.enqueue(MockDeepAi.image(MockDeepAi.SERVICE_JPEG));
        succeeds();
        assertThat(fake.sleeps).hasSize(1);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aTruncatedImageIsABadResponse() {
        byte[] big = TestImages.encode(TestImages.grayScan(320, 240, 1), "jpg");
        server.enqueue(MockDeepAi.done(server));
        server.enqueue(MockDeepAi.image(Arrays.copyOf(big, big.length * 8 / 10)));
        RemoteServiceException e = failure();
        assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("damaged or truncated");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anOversizedImageIsRefusedFromItsLength() {
        server.enqueue(MockDeepAi.done(server));
        server.enqueue(MockDeepAi.image(new byte[5000]));
        RemoteServiceException e = failure("maxDownloadBytes", "1k");
        assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("5000 bytes, over maxDownloadBytes=1024");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anOversizedImageWithoutLengthIsCutOffAtTheCap() {
        server.enqueue(MockDeepAi.done(server));
        server.enqueue(new MockResponse.Builder()
                .chunkedBody(new Buffer().write(new byte[5000]), 512)
                .build());
        RemoteServiceException e = failure("maxDownloadBytes", "1k");
        assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("over maxDownloadBytes=1024 bytes");
    }

    @Test
    void somethingThatIsNotAnImageIsABadResponse() {
        server.enqueue(MockDeepAi.done(server));
        server.enqueue(MockDeepAi.image("<html>login</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        RemoteServiceException e = failure();
        assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("not an image");
    }
}
