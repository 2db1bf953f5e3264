package io.github.colorize.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.ColorizeException;
import io.github.colorize.ColorizeOptions;
import java.awt.image.BufferedImage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** An upload answer that never comes, a thread interrupted while it waits to retry, close() mid-call. */
class TimeoutsInterruptsAndCloseTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final BufferedImage photo = TestImages.grayScan(32, 24, 3);

    private static MockResponse stalled() {
        return new MockResponse.Builder()
                .body("{}")
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build();
    }

    @Test
    void anUploadAnswerThatNeverComesTimesOutAndIsRetried() {
        FakeRuntime fake = FakeRuntime.withKey(MockDeepAi.KEY);
        server.enqueue(stalled());
        MockDeepAi.enqueueSuccess(server);
        try (DeepAiColorizer c = fake.provider()
                .create(MockDeepAi.config(server).set("timeouts", "read=300ms").build())) {
            assertThat(c.colorize(photo, ColorizeOptions.defaults()).image().getWidth())
                    .isEqualTo(32);
        }
        assertThat(fake.sleeps).hasSize(1);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void anInterruptWhileWaitingToRetryStopsAtOnceAndKeepsTheFlag() {
        FakeRuntime fake = FakeRuntime.withKey(MockDeepAi.KEY).interruptSleeps();
        server.enqueue(MockDeepAi.json(503, "{\"status\": \"busy\"}"));
        try (DeepAiColorizer c =
                fake.provider().create(MockDeepAi.config(server).build())) {
            assertThatThrownBy(() -> c.colorize(photo, ColorizeOptions.defaults()))
                    .isExactlyInstanceOf(ColorizeException.class)
                    .hasMessageContaining("interrupted while waiting to retry");
            assertThat(Thread.interrupted())
                    .as("interrupt flag kept (and cleared here)")
                    .isTrue();
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void closeCancelsACallInFlight() throws Exception {
        FakeRuntime fake = FakeRuntime.withKey(MockDeepAi.KEY);
        server.enqueue(stalled());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            DeepAiColorizer c = fake.provider()
                    .create(MockDeepAi.config(server)
                            .set("timeouts", "read=20s")
                            .build());
            Future<?> call = pool.submit(() -> c.colorize(photo, ColorizeOptions.defaults()));
            assertThat(server.takeRequest(10, TimeUnit.SECONDS))
                    .as("upload in flight")
                    .isNotNull();
            c.close();
            assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isExactlyInstanceOf(ColorizeException.class)
                    .hasMessageContaining("closed while a photo was in flight");
            assertThat(fake.sleeps).as("no retry after close").isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }
}
