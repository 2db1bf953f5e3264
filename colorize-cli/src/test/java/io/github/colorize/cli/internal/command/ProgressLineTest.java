package io.github.colorize.cli.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProgressLineTest {

    @Test
    void etaIsTheRemainingPhotosAtTheRateSoFar() {
        assertThat(ProgressLine.eta(0, 10, Duration.ofSeconds(5))).isNull();
        assertThat(ProgressLine.eta(2, 10, Duration.ofSeconds(6))).isEqualTo(Duration.ofSeconds(24));
        assertThat(ProgressLine.eta(10, 10, Duration.ofSeconds(6))).isEqualTo(Duration.ZERO);
    }

    @Test
    void rendersCountBarPercentRateEtaAndFailures() {
        String line = ProgressLine.render(12, 48, 1, Duration.ofSeconds(36), 100);
        assertThat(line)
                .startsWith("12/48 [")
                .contains(" 25%")
                .contains("3.0 s/photo")
                .contains("ETA 1m 48s")
                .endsWith("1 failed");
        assertThat(ProgressLine.render(0, 5, 0, Duration.ZERO, 80)).contains("ETA --");
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 100).boxed();
    }

    /** Property: the line never reaches the terminal width (no wrapping) and the bar never overflows. */
    @ParameterizedTest
    @MethodSource("seeds")
    void neverWiderThanTheTerminal(long seed) {
        Random rnd = new Random(seed);
        int total = rnd.nextInt(100_000);
        int finished = total == 0 ? 0 : rnd.nextInt(total + 1);
        int width = 20 + rnd.nextInt(200);
        String line = ProgressLine.render(
                finished, total, rnd.nextInt(50), Duration.ofMillis(rnd.nextInt(10_000_000)), width);
        assertThat(line.length()).isLessThan(width);
        assertThat(line).doesNotContain("\n");
    }

    @Test
    void layoutDrawsTheBarOnlyWhenTheProgressIsKnownAndThereIsRoom() {
        assertThat(ProgressLine.layout("3/10", bar -> 3 * bar / 10, " 30%", 30))
                .isEqualTo("3/10 [=====>            ] 30%");
        assertThat(ProgressLine.layout("3/?", bar -> -1, " 2.00 fps", 30)).isEqualTo("3/? 2.00 fps");
        // Less than five columns left for the bar: none, and the filled-columns function is not asked.
        assertThat(ProgressLine.layout(
                        "3/10",
                        bar -> {
                            throw new AssertionError("asked for a bar of " + bar);
                        },
                        " 30%",
                        12))
                .isEqualTo("3/10 30%");
        assertThat(ProgressLine.layout("123456/999999", bar -> bar, " a long tail", 10))
                .isEqualTo("123456/99");
    }

    @Test
    void durationsReadNaturally() {
        assertThat(Durations.human(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(Durations.human(Duration.ofMillis(4200))).isEqualTo("4.2 s");
        assertThat(Durations.human(Duration.ofSeconds(192))).isEqualTo("3m 12s");
        assertThat(Durations.human(Duration.ofMinutes(65))).isEqualTo("1h 05m");
        assertThat(Durations.perPhoto(Duration.ofMillis(12_340))).isEqualTo("12.3 s");
    }
}
