package io.github.colorize.remote;

import io.github.colorize.remote.internal.RemoteRuntime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A test environment: an environment map, a clock that only moves when the sleeper sleeps, a sleeper that
 * records the delays asked for instead of waiting, and a fixed "random" value. Thread-safe.
 */
public final class FakeRuntime {

    public final Map<String, String> env = new ConcurrentHashMap<>();
    public final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T10:00:00Z"));
    private volatile double random = 0.5;
    private volatile boolean interruptSleeps;

    public static FakeRuntime withKey(String key) {
        FakeRuntime r = new FakeRuntime();
        r.env.put("DEEPAI_API_KEY", key);
        return r;
    }

    public FakeRuntime random(double value) {
        this.random = value;
        return this;
    }

    /** Makes every later sleep throw {@link InterruptedException}, as if the thread were interrupted. */
    public FakeRuntime interruptSleeps() {
        this.interruptSleeps = true;
        return this;
    }

    public Instant now() {
        return now.get();
    }

    public void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    public RemoteRuntime runtime() {
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        return new RemoteRuntime(
                env::get,
                clock,
                d -> {
                    if (interruptSleeps) {
                        throw new InterruptedException("test");
                    }
                    sleeps.add(d);
                    advance(d);
                },
                () -> random);
    }

    public DeepAiColorizerProvider provider() {
        return new DeepAiColorizerProvider(runtime());
    }
}
