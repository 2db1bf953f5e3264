package io.github.colorize.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.internal.json.JsonException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a {@code .json} card's values become the flat text settings that the card builder reads. */
class CardFilesJsonTest {

    @Test
    void flattensEveryValueKindInDocumentOrder() {
        Map<String, String> m = CardFiles.fromJson(" {\"name\": \" padded \", \"defaultRenderFactor\": 16,"
                + " \"version\": 1.10, \"description\": null, \"auxiliaryInputs\": [\"hint\", \"mask\"],"
                + " \"valueRange\": [-1, 1.5], \"flag\": true} ");
        assertThat(m)
                .containsExactly(
                        Map.entry("name", "padded"),
                        Map.entry("defaultRenderFactor", "16"),
                        Map.entry("version", "1.10"),
                        Map.entry("auxiliaryInputs", "hint,mask"),
                        Map.entry("valueRange", "-1,1.5"),
                        Map.entry("flag", "true"));
    }

    @Test
    void refusesNestedObjectsAndListsOfOtherThings() {
        assertThatThrownBy(() -> CardFiles.fromJson("{\"sizing\": {\"fixed\": 256}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sizing must not be an object; card keys are flat");
        assertThatThrownBy(() -> CardFiles.fromJson("{\"auxiliaryInputs\": [\"a\", true]}"))
                .hasMessage("auxiliaryInputs must be a list of strings");
        assertThatThrownBy(() -> CardFiles.fromJson("{\"auxiliaryInputs\": [[\"a\"]]}"))
                .hasMessage("auxiliaryInputs must be a list of strings");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{\"a\"}", "{\"a\":1,}", "{\"a\":1} x", "{\"a\":1,\"a\":2}", "{a:1}"})
    void malformedJsonIsAnIllegalArgumentSayingWhere(String text) {
        // CardFiles.read turns IllegalArgumentException into a ModelException naming the file.
        assertThatThrownBy(() -> CardFiles.fromJson(text))
                .isInstanceOf(JsonException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid JSON at offset ");
    }
}
