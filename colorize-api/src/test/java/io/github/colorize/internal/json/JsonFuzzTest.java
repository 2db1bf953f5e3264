package io.github.colorize.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.colorize.testkit.FuzzContract;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes {@link Json#parse}: the reader of every JSON text the project takes from outside (model cards,
 * the remote service's answers, the CLI's manifest). Seeds in {@code JsonFuzzTestInputs/parse/}; see
 * docs/fuzzing.md for how to run it in fuzzing mode.
 */
@Tag("fuzz")
class JsonFuzzTest {

    /** Far above any card or service answer; keeps one execution in the microseconds. */
    private static final JsonLimits LIMITS = JsonLimits.DEFAULT.withMaxLength(64 << 10);

    /**
     * Contract: a value or a {@link JsonException} with a printable message; a value parsed once writes
     * back to a text that parses to the same value.
     */
    @FuzzTest(maxDuration = "15s")
    void parse(byte[] input) throws Throwable {
        String text = new String(input, StandardCharsets.UTF_8);
        Object value;
        try {
            value = Json.parse(text, LIMITS);
        } catch (Throwable t) {
            FuzzContract.check(t, Set.of(JsonException.class), null);
            return;
        }
        assertThat(Json.parse(Json.write(value))).isEqualTo(value);
    }
}
