package io.github.colorize.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.remote.FakeRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RetryBudgetTest {

    static Stream<Long> seeds() {
        return IntStream.range(0, 100).mapToObj(i -> 0xBAC0FFL + i);
    }

    // Property: every delay is within [exp/2, exp] where exp = min(30 s, 1 s * 2^retry).
    @ParameterizedTest
    @MethodSource("seeds")
    void backoffIsJitteredExponentialAndCapped(long seed) {
        Random rnd = new Random(seed);
        for (int retry = 0; retry < 40; retry++) {
            long exp = Math.min(30_000L, retry >= 20 ? Long.MAX_VALUE : 1_000L << retry);
            long ms = RetryBudget.backoff(retry, rnd.nextDouble()).toMillis();
            assertThat(ms).as("retry %d", retry).isBetween(exp / 2, exp);
        }
    }

    @Test
    void backoffEndpoints() {
        assertThat(RetryBudget.backoff(0, 0.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(RetryBudget.backoff(0, 1.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryBudget.backoff(3, 0.5)).isEqualTo(Duration.ofSeconds(6));
        assertThat(RetryBudget.backoff(10, 1.0)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void boundedByCount() {
        FakeRuntime fake = new FakeRuntime();
        RetryBudget b = new RetryBudget(2, Duration.ofHours(1), fake.runtime());
        assertThat(b.next(null).retry()).isTrue();
        assertThat(b.next(null).retry()).isTrue();
        RetryBudget.Decision last = b.next(null);
        assertThat(last.retry()).isFalse();
        assertThat(last.reason()).isEqualTo("gave up after 3 attempts (maxRetries=2)");
        assertThat(b.attempts()).isEqualTo(3);
    }

    @Test
    void boundedByTimeCountingTheWaitAhead() {
        FakeRuntime fake = new FakeRuntime().random(1.0);
        RetryBudget b = new RetryBudget(10, Duration.ofSeconds(10), fake.runtime());
        assertThat(b.next(null).delay()).isEqualTo(Duration.ofSeconds(1));
        fake.advance(Duration.ofSeconds(1));
        assertThat(b.next(null).delay()).isEqualTo(Duration.ofSeconds(2));
        fake.advance(Duration.ofSeconds(2));
        assertThat(b.next(null).delay()).isEqualTo(Duration.ofSeconds(4));
        fake.advance(Duration.ofSeconds(4));
        // 7 s spent; 8 s more would end at 15 s > 10 s.
        RetryBudget.Decision d = b.next(null);
        assertThat(d.retry()).isFalse();
        assertThat(d.reason()).contains("beyond maxRetryTime=10.0 s");
    }

    @Test
    void retryAfterIsALowerBoundAndCanExhaustTheBudget() {
        FakeRuntime fake = new FakeRuntime().random(0.0);
        RetryBudget b = new RetryBudget(5, Duration.ofSeconds(60), fake.runtime());
        assertThat(b.next(Duration.ofSeconds(7)).delay()).isEqualTo(Duration.ofSeconds(7));
        assertThat(b.next(Duration.ZERO).delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.next(Duration.ofSeconds(3600)).retry()).isFalse();
    }

    @Test
    void anUploadSentWholeIsSentAgainOnlyOnceWhileOtherRetriesGoOn() {
        RetryBudget b = new RetryBudget(5, Duration.ofHours(1), new FakeRuntime().runtime());
        RetryBudget.Decision resend = b.next(null, true);
        assertThat(resend.retry()).isTrue();
        assertThat(resend.reason()).contains("the service may bill it twice");
        assertThat(b.next(null, false).retry()).isTrue();
        RetryBudget.Decision again = b.next(null, true);
        assertThat(again.retry()).isFalse();
        assertThat(again.reason()).contains("may already have processed (and billed) this upload");
        assertThat(b.next(null, false).retry())
                .as("failures before sending still retried")
                .isTrue();
    }

    @Test
    void zeroRetriesNeverRetry() {
        RetryBudget b = new RetryBudget(0, Duration.ofHours(1), new FakeRuntime().runtime());
        assertThat(b.next(null).reason()).isEqualTo("gave up after 1 attempt (maxRetries=0)");
    }

    @Test
    void parsesRetryAfter() {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        assertThat(RetryBudget.parseRetryAfter("7", now)).contains(Duration.ofSeconds(7));
        assertThat(RetryBudget.parseRetryAfter(" 0 ", now)).contains(Duration.ZERO);
        assertThat(RetryBudget.parseRetryAfter("Sun, 22 Nov 2026 10:01:30 GMT", now))
                .contains(Duration.ofSeconds(90));
        assertThat(RetryBudget.parseRetryAfter("Sun, 22 Nov 2026 09:00:00 GMT", now))
                .contains(Duration.ZERO);
        assertThat(RetryBudget.parseRetryAfter("soon", now)).isEmpty();
        assertThat(RetryBudget.parseRetryAfter("-5", now)).isEmpty();
        assertThat(RetryBudget.parseRetryAfter(null, now)).isEmpty();
        assertThat(RetryBudget.parseRetryAfter("", now)).isEmpty();
    }
}
