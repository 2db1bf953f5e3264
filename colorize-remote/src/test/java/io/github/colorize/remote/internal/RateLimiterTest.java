package io.github.colorize.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.remote.FakeRuntime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void zeroMeansNoLimiter() {
        assertThat(RateLimiter.perMinute(0, new FakeRuntime().runtime())).isNull();
    }

    @Test
    void spacesStartsEvenly() throws Exception {
        FakeRuntime fake = new FakeRuntime();
        RateLimiter limiter = RateLimiter.perMinute(30, fake.runtime());
        for (int i = 0; i < 4; i++) {
            limiter.acquire();
        }
        // First start is immediate; each later one waits for its 2-second slot.
        assertThat(fake.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void idleTimeIsNotBankedIntoBursts() throws Exception {
        FakeRuntime fake = new FakeRuntime();
        RateLimiter limiter = RateLimiter.perMinute(60, fake.runtime());
        limiter.acquire();
        fake.advance(Duration.ofMinutes(5));
        limiter.acquire();
        limiter.acquire();
        assertThat(fake.sleeps).containsExactly(Duration.ofSeconds(1));
    }
}
