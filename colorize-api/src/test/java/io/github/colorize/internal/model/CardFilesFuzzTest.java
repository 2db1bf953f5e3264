package io.github.colorize.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.colorize.ModelCard;
import io.github.colorize.ModelCards;
import io.github.colorize.ModelException;
import io.github.colorize.testkit.FuzzContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes model card files as {@code ModelCards.load} reads them ({@link CardFiles#parse}, with the
 * built-in cards as bases), in both formats: an input whose first non-blank character is <code>{</code>
 * is read as a {@code .json} card, anything else as a {@code .properties} card. Seeds in {@code
 * CardFilesFuzzTestInputs/parse/}.
 */
@Tag("fuzz")
class CardFilesFuzzTest {

    private static final Path JSON = Path.of("cards", "fuzz-input.json");
    private static final Path PROPERTIES = Path.of("cards", "fuzz-input.properties");

    /** Cards are a few hundred bytes. */
    private static final int MAX_BYTES = 16 << 10;

    /** Contract: a valid card, or {@link ModelException} naming the file, with a printable message. */
    @FuzzTest(maxDuration = "15s")
    void parse(byte[] input) throws Throwable {
        if (input.length > MAX_BYTES) {
            return;
        }
        String text = new String(input, StandardCharsets.UTF_8);
        Path file = text.strip().startsWith("{") ? JSON : PROPERTIES;
        ModelCard card;
        try {
            card = CardFiles.parse(text, file, ModelCards::find);
        } catch (Throwable t) {
            FuzzContract.check(t, Set.of(ModelException.class), file.toString());
            return;
        }
        assertThat(card.name()).isNotBlank();
        assertThat(card.source()).isNotNull();
        assertThat(card.toBuilder().build()).isEqualTo(card);
    }
}
