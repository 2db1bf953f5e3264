package io.github.colorize.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReadTest {

    @Test
    void readsTheServiceAnswer() {
        Map<String, Object> m = Json.parseObject(
                "{\"id\": \"4f1c\", \"output_url\": \"https://api.deepai.org/job-view-file/4f1c/outputs/output.jpg\"}");
        assertThat(m)
                .containsEntry("id", "4f1c")
                .containsEntry("output_url", "https://api.deepai.org/job-view-file/4f1c/outputs/output.jpg");
    }

    @Test
    void readsEscapesNumbersLiteralsAndNesting() {
        Object v = Json.parse(
                " [\"a\\\"b\\\\c\\/\\n\\b\\f\\r\\t\\u00e9\\ud83d\\ude00\", -0.5e+2, 0, true, false, null, {\"k\": []}] ");
        assertThat(v)
                .isEqualTo(Arrays.asList(
                        "a\"b\\c/\n\b\f\r\t\u00e9\ud83d\ude00",
                        new BigDecimal("-0.5e+2"),
                        BigDecimal.ZERO,
                        true,
                        false,
                        null,
                        Map.of("k", List.of())));
    }

    @Test
    void keepsMembersInDocumentOrderAndNullsApartFromMissingMembers() {
        Map<String, Object> m = Json.parseObject(
                " {\"s\": \"x\", \"n\": -12.5e3, \"t\": true, \"f\": false, \"z\": null, \"l\": [1, \"x\", []],"
                        + " \"o\": {\"k\": {}}} ");
        assertThat(m.keySet()).containsExactly("s", "n", "t", "f", "z", "l", "o");
        assertThat(m).containsEntry("z", null).doesNotContainKey("missing");
        assertThat(m.get("l")).isEqualTo(List.of(BigDecimal.ONE, "x", List.of()));
        assertThat(m.get("o")).isEqualTo(Map.of("k", Map.of()));
    }

    @Test
    void numbersAreExactWithTheirScale() {
        Map<String, Object> m = Json.parseObject("{\"b\":12,\"c\":-1.25e2,\"d\":0.10,\"e\":1E+3,\"f\":-0}");
        assertThat(m.get("b")).isEqualTo(new BigDecimal("12"));
        assertThat(m.get("c")).isEqualTo(new BigDecimal("-125"));
        assertThat(m.get("d").toString()).isEqualTo("0.10");
        assertThat(((BigDecimal) m.get("e")).longValueExact()).isEqualTo(1000L);
        assertThat(((BigDecimal) m.get("f")).signum()).isZero();
    }

    @Test
    void parsedContainersAreUnmodifiable() {
        Map<String, Object> m = Json.parseObject("{\"l\":[1]}");
        assertThatThrownBy(() -> m.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        List<Object> l = (List<Object>) m.get("l");
        assertThatThrownBy(() -> l.add(2)).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "{",
                "{\"a\":1",
                "{\"a\"}",
                "{\"a\":1,}",
                "[1,]",
                "[1 2]",
                "{'a':1}",
                "{a:1}",
                "{\"a\" 1}",
                "{\"a\":1 \"b\":2}",
                "01",
                "-01",
                "1.",
                ".5",
                "-",
                "--1",
                "1e",
                "1e+",
                "+1",
                "1.2.3",
                "tru",
                "nul",
                "True",
                "\"unterminated",
                "\"bad \\x escape\"",
                "\"\\u12G4\"",
                "\"\\u12\"",
                "\"\\u\uff10\uff10\uff10\uff10\"",
                "\"tab\tinside\"",
                "\"line\nbreak\"",
                "{\"a\":1} trailing",
                "{\"a\":1}{}",
                "{\"a\":1,\"a\":2}",
                "NaN",
                "Infinity",
                "[1] // comment",
                "\ufeff{}",
                "\u00a0{}",
                "<html>502 Bad Gateway</html>"
            })
    void refusesInvalidJsonSayingWhere(String text) {
        assertThatThrownBy(() -> Json.parse(text))
                .isInstanceOf(JsonException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid JSON at offset ");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"a\":1,}|7",
                "[1,]|3",
                "[1 2]|3",
                "{\"a\":1,\"a\":2}|7",
                "\"ab\\q\"|4",
                "\"\\u12G4\"|5",
                "{\"a\":1} x|8",
                "[01]|2",
                "{\"a\":tru}|5"
            })
    void reportsTheOffsetOfTheProblem(String text, int offset) {
        assertThatThrownBy(() -> Json.parse(text))
                .isInstanceOfSatisfying(
                        JsonException.class, e -> assertThat(e.offset()).isEqualTo(offset))
                .hasMessageStartingWith("invalid JSON at offset " + offset + ": ");
    }

    @Test
    void parseObjectRefusesOtherTypes() {
        assertThatThrownBy(() -> Json.parseObject("[1]"))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("expected a JSON object, got array");
        assertThatThrownBy(() -> Json.parseObject("null")).hasMessageContaining("got null");
    }

    @Test
    void typeNamesForMessages() {
        assertThat(Arrays.asList(Map.of(), List.of(), "s", BigDecimal.ONE, true, null).stream()
                        .map(Json::typeName))
                .containsExactly("object", "array", "string", "number", "boolean", "null");
    }
}
