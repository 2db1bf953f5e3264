package io.github.colorize.video.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.Provenance;
import io.github.colorize.Timings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ContainerTagsTest {

    static LongStream seeds() {
        return LongStream.range(100, 110);
    }

    private static Provenance random(Random rnd) {
        Provenance p = Provenance.of(
                "onnx",
                "model-" + rnd.nextInt(1000) + " ü/\"<&>",
                rnd.nextBoolean() ? null : Long.toHexString(rnd.nextLong()),
                rnd.nextInt(46),
                rnd.nextDouble() * 2,
                rnd.nextBoolean() ? "cpu" : "cuda:" + rnd.nextInt(4),
                new Timings(
                        Duration.ofNanos(rnd.nextInt(1 << 30)),
                        Duration.ofNanos(rnd.nextLong() & 0xFFFFFFFFFFL),
                        Duration.ofMillis(rnd.nextInt(100_000))));
        return rnd.nextBoolean() ? p : p.withSource("Großmutter " + rnd.nextInt() + ".mp4", "ab".repeat(32));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void recordsSurviveTheRoundTrip(long seed) {
        Provenance p = random(new Random(seed));
        Map<String, String> tags = new HashMap<>(ContainerTags.early(p, true));
        tags.putAll(ContainerTags.late(p.timings()));
        assertThat(ContainerTags.read(tags)).contains(p);
    }

    @Test
    void keysAreReadWhateverTheirCaseAndMissingTimingsAreZero() {
        Provenance p = random(new Random(1));
        Map<String, String> upper = new HashMap<>();
        ContainerTags.early(p, false).forEach((k, v) -> upper.put(k.toUpperCase(Locale.ROOT), v));
        assertThat(ContainerTags.read(upper).orElseThrow().timings()).isEqualTo(Timings.ZERO);
        assertThat(upper).containsEntry("COLORIZE:STABILISED", "false");
        assertThat(upper.get("COMMENT")).contains("machine-learning model");
    }

    @Test
    void filesWithoutARecordHaveNone() {
        assertThat(ContainerTags.read(Map.of("title", "Holiday 1962", "comment", "home movie")))
                .isEmpty();
    }

    @Test
    void aBrokenRecordIsNamed() {
        Map<String, String> tags = new HashMap<>(ContainerTags.early(random(new Random(2)), true));
        tags.remove(ContainerTags.MODEL);
        assertThatThrownBy(() -> ContainerTags.read(tags))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("colorize:model");
        Map<String, String> bad = new HashMap<>(ContainerTags.early(random(new Random(3)), true));
        bad.put(ContainerTags.RENDER_FACTOR, "many");
        assertThatThrownBy(() -> ContainerTags.read(bad)).isInstanceOf(IllegalArgumentException.class);
    }
}
