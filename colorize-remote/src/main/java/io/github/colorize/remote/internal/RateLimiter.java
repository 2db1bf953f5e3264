package io.github.colorize.remote.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Spaces request starts evenly so that at most {@code perMinute} start in any minute: each caller
 * reserves the next free slot and sleeps until it. Keeps a batch under a service's rate limit instead of
 * provoking 429s. Thread-safe; the reservation is synchronized, the wait is not.
 */
final class RateLimiter {

    private final Duration interval;
    private final RemoteRuntime runtime;
    private Instant nextSlot = Instant.MIN;

    private RateLimiter(Duration interval, RemoteRuntime runtime) {
        this.interval = interval;
        this.runtime = runtime;
    }

    /**
     * A limiter, or null when {@code perMinute} is 0 (no client-side limit).
     *
     * @param perMinute the most starts per minute
     * @param runtime clock and sleeper
     * @return the limiter, or null
     */
    static RateLimiter perMinute(double perMinute, RemoteRuntime runtime) {
        if (perMinute <= 0) {
            return null;
        }
        return new RateLimiter(Duration.ofNanos(Math.round(60e9 / perMinute)), runtime);
    }

    /**
     * Waits for this caller's slot.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    void acquire() throws InterruptedException {
        Duration wait = reserve();
        if (!wait.isZero()) {
            runtime.sleeper().sleep(wait);
        }
    }

    private synchronized Duration reserve() {
        Instant now = runtime.clock().instant();
        Instant slot = nextSlot.isAfter(now) ? nextSlot : now;
        nextSlot = slot.plus(interval);
        return Duration.between(now, slot);
    }
}
