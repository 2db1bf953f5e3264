package io.github.colorize.remote.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What the backend takes from its surroundings: environment variables, the time, sleeping and
 * randomness. Injected so that tests neither mutate the real environment nor wait through real back-off
 * delays. Immutable; thread-safe if its parts are.
 *
 * @param env looks up an environment variable; returns null when unset
 * @param clock wall time, for retry budgets, rate limits and HTTP-date {@code Retry-After} values
 * @param sleeper waits between retries and for the rate limit
 * @param random uniform values in [0, 1), for back-off jitter
 */
public record RemoteRuntime(
        Function<String, @Nullable String> env, Clock clock, Sleeper sleeper, DoubleSupplier random) {

    /** Validates the components. */
    public RemoteRuntime {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(random, "random");
    }

    /**
     * The real process environment, system clock, {@link Thread#sleep} and a thread-local random.
     *
     * @return the runtime
     */
    public static RemoteRuntime system() {
        return new RemoteRuntime(
                System::getenv,
                Clock.systemUTC(),
                d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000),
                () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    /** Waits. Implementations must be thread-safe. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * Waits for a duration.
         *
         * @param duration how long; never negative
         * @throws InterruptedException if the thread is interrupted while waiting
         */
        void sleep(Duration duration) throws InterruptedException;
    }
}
