package io.github.colorize.remote;

import static io.github.colorize.remote.MockDeepAi.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.colorize.ColorizeOptions;
import io.github.colorize.remote.RemoteServiceException.Kind;
import java.awt.image.BufferedImage;
import java.net.InetAddress;
import java.net.ServerSocket;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * When an upload may be sent again: an upload the service received whole may have been processed and billed,
 * so neither OkHttp nor the backend may send it again freely; a failure before it was sent is retried as
 * usual.
 */
class UploadResendTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final FakeRuntime fake = FakeRuntime.withKey(KEY);
    private final BufferedImage photo = TestImages.grayScan(32, 24, 5);

    /** The service read the whole upload, then the connection dropped before any answer. */
    private static MockResponse droppedAfterTheUpload() {
        return new MockResponse.Builder()
                .body("{}")
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build();
    }

    /** The service read the whole upload and never answers. */
    private static MockResponse stalledAfterTheUpload() {
        return new MockResponse.Builder()
                .body("{}")
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build();
    }

    private RemoteServiceException failure(DeepAiColorizer c) {
        return catchThrowableOfType(RemoteServiceException.class, () -> c.colorize(photo, ColorizeOptions.defaults()));
    }

    @Test
    void okHttpDoesNotSilentlyResendAnUploadTheServiceReceived() {
        // A first photo leaves a pooled connection; on it, OkHttp's own connection-failure retry would send
        // the second upload again on a fresh connection, outside maxRetries.
        MockDeepAi.enqueueSuccess(server);
        server.enqueue(droppedAfterTheUpload());
        MockDeepAi.enqueueSuccess(server);
        try (DeepAiColorizer c = fake.provider()
                .create(MockDeepAi.config(server).set("maxRetries", "0").build())) {
            c.colorize(photo, ColorizeOptions.defaults());
            RemoteServiceException e = failure(c);
            assertThat(e)
                    .as("the dropped upload fails instead of being re-sent")
                    .isNotNull();
            assertThat(e.kind()).isEqualTo(Kind.NETWORK);
        }
        assertThat(server.getRequestCount()).as("upload, download, upload").isEqualTo(3);
    }

    @Test
    void anUploadThatMayHaveBeenProcessedIsSentAtMostTwice() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(stalledAfterTheUpload());
        }
        try (DeepAiColorizer c = fake.provider()
                .create(MockDeepAi.config(server)
                        .set("timeouts", "read=300ms")
                        .set("maxRetries", "4")
                        .build())) {
            RemoteServiceException e = failure(c);
            assertThat(e.kind()).isEqualTo(Kind.NETWORK);
            assertThat(e.getMessage())
                    .contains("upload timed out after it was sent")
                    .contains("may already have processed (and billed)");
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(fake.sleeps).hasSize(1);
    }

    @Test
    void otherRetriesGoOnAfterTheOneResend() {
        server.enqueue(stalledAfterTheUpload());
        server.enqueue(MockDeepAi.json(503, "{\"status\": \"busy\"}"));
        MockDeepAi.enqueueSuccess(server);
        try (DeepAiColorizer c = fake.provider()
                .create(MockDeepAi.config(server).set("timeouts", "read=300ms").build())) {
            assertThat(c.colorize(photo, ColorizeOptions.defaults()).image().getWidth())
                    .isEqualTo(32);
        }
        assertThat(fake.sleeps).hasSize(2);
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void failuresBeforeTheUploadIsSentAreRetriedWithinTheBudget() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (DeepAiColorizer c = fake.provider()
                .create(MockDeepAi.config(server)
                        .set("baseUrl", "http://127.0.0.1:" + closedPort + "/")
                        .set("maxRetries", "3")
                        .build())) {
            RemoteServiceException e = failure(c);
            assertThat(e.kind()).isEqualTo(Kind.NETWORK);
            assertThat(e.getMessage()).contains("upload broke off").contains("gave up after 4 attempts");
        }
        assertThat(fake.sleeps).hasSize(3);
    }
}
