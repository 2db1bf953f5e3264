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

/** The result download follows at most 5 redirects, as the README and the message say. */
class ResultRedirectTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final FakeRuntime fake = FakeRuntime.withKey(KEY);

    private DeepAiColorizer colorizer() {
        return fake.provider().create(MockDeepAi.config(server).build());
    }

    private void enqueueRedirects(int count) {
        server.enqueue(MockDeepAi.done(server.url("/hop0").toString()));
        for (int i = 1; i <= count; i++) {
            server.enqueue(new MockResponse.Builder()
                    .code(302)
                    .setHeader("Location", "/hop" + i)
                    .build());
        }
    }

    @Test
    void fiveRedirectsAreFollowed() {
        enqueueRedirects(5);
        server.enqueue(MockDeepAi.image(MockDeepAi.SERVICE_JPEG));
        try (DeepAiColorizer c = colorizer()) {
            assertThat(c.colorize(TestImages.grayScan(16, 16, 1), ColorizeOptions.defaults())
                            .image()
                            .getWidth())
                    .isEqualTo(16);
        }
        assertThat(server.getRequestCount()).isEqualTo(7);
    }

    @Test
    void aSixthRedirectIsRefused() {
        enqueueRedirects(6);
        try (DeepAiColorizer c = colorizer()) {
            RemoteServiceException e = catchThrowableOfType(
                    RemoteServiceException.class,
                    () -> c.colorize(TestImages.grayScan(16, 16, 1), ColorizeOptions.defaults()));
            assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE);
            assertThat(e.getMessage()).contains("more than 5 redirects");
        }
        assertThat(server.getRequestCount())
                .as("the upload, then the result and its 5 redirects")
                .isEqualTo(7);
    }
}
