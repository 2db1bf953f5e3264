package io.github.colorize.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.ColorizeOptions;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** At most {@code maxConcurrent} photos are at the service at once, however many threads ask. */
class ConcurrencyLimitTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    /**
     * Counts jobs between their upload and their download. An upload waits a little for company, so that
     * concurrent uploads overlap for sure when the limit lets them.
     */
    private static final class CountingService extends Dispatcher {
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger maxOpen = new AtomicInteger();
        private final MockWebServer server;
        private final int expectedPeak;

        CountingService(MockWebServer server, int expectedPeak) {
            this.server = server;
            this.expectedPeak = expectedPeak;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            if (request.getMethod().equals("POST")) {
                int now = open.incrementAndGet();
                maxOpen.accumulateAndGet(now, Math::max);
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(400);
                while (open.get() < expectedPeak && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                return MockDeepAi.done(server);
            }
            open.decrementAndGet();
            return MockDeepAi.image(MockDeepAi.SERVICE_JPEG);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void theLimitHolds(int limit) throws Exception {
        CountingService service = new CountingService(server, limit + 1);
        server.setDispatcher(service);
        FakeRuntime fake = FakeRuntime.withKey(MockDeepAi.KEY);
        BufferedImage photo = TestImages.grayScan(16, 12, 5);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (DeepAiColorizer c = fake.provider()
                .create(MockDeepAi.config(server)
                        .set("maxConcurrent", Integer.toString(limit))
                        .build())) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                jobs.add(pool.submit(() -> c.colorize(photo, ColorizeOptions.defaults())));
            }
            for (Future<?> f : jobs) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(service.maxOpen.get()).isEqualTo(limit);
        assertThat(server.getRequestCount()).isEqualTo(12);
    }
}
