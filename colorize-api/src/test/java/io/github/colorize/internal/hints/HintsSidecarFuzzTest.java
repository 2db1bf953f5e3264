package io.github.colorize.internal.hints;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.colorize.ColorHint;
import io.github.colorize.MalformedHintsException;
import io.github.colorize.testkit.FuzzContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes {@link HintsSidecar#parse}: the reader of {@code <photo>.hints.json} sidecars, which a person
 * edits by hand or another tool writes. Seeds in {@code HintsSidecarFuzzTestInputs/parse/}; see
 * docs/fuzzing.md for how to run it in fuzzing mode.
 */
@Tag("fuzz")
class HintsSidecarFuzzTest {

    private static final Path SIDECAR = Path.of("grandma.jpg.hints.json");

    /**
     * Contract: hints, or a {@link MalformedHintsException} that names the sidecar and has a printable
     * message; hints read once write back to a text that reads to equal hints.
     */
    @FuzzTest(maxDuration = "15s")
    void parse(byte[] input) throws Throwable {
        String text = new String(input, StandardCharsets.UTF_8);
        List<ColorHint> hints;
        try {
            hints = HintsSidecar.parse(text, SIDECAR);
        } catch (Throwable t) {
            FuzzContract.check(t, Set.of(MalformedHintsException.class), SIDECAR.toString());
            return;
        }
        assertThat(HintsSidecar.parse(HintsSidecar.toJson(hints), SIDECAR)).isEqualTo(hints);
    }
}
