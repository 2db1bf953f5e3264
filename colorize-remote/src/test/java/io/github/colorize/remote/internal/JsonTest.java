package io.github.colorize.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @Test
    void readsTheServiceAnswer() throws Exception {
        Map<String, Object> m = Json.parseObject(
                "{\"id\": \"4f1c\", \"output_url\": \"https://api.deepai.org/job-view-file/4f1c/outputs/output.jpg\"}");
        assertThat(m)
                .containsEntry("id", "4f1c")
                .containsEntry("output_url", "https://api.deepai.org/job-view-file/4f1c/outputs/output.jpg");
    }

    @Test
    void readsEscapesNumbersLiteralsAndNesting() throws Exception {
        Object v = Json.parse(
                " [\"a\\\"b\\\\c\\/\\n\\u00e9\\ud83d\\ude00\", -0.5e+2, 0, true, false, null, {\"k\": []}] ");
        assertThat(v)
                .isEqualTo(List.of(
                        "a\"b\\c/\n\u00e9\ud83d\ude00",
                        new BigDecimal("-0.5e+2"),
                        BigDecimal.ZERO,
                        true,
                        false,
                        Json.NULL,
                        Map.of("k", List.of())));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "{",
                "{\"a\":1,}",
                "[1,]",
                "{'a':1}",
                "{\"a\" 1}",
                "01",
                "1.",
                ".5",
                "-",
                "1e",
                "+1",
                "tru",
                "nul",
                "\"unterminated",
                "\"bad \\x escape\"",
                "\"\\u12G4\"",
                "\"tab\tinside\"",
                "{\"a\":1} trailing",
                "{\"a\":1,\"a\":2}",
                "NaN",
                "<html>502 Bad Gateway</html>"
            })
    void refusesInvalidJsonWithItsOffset(String text) {
        assertThatThrownBy(() -> Json.parse(text))
                .isInstanceOf(Json.JsonException.class)
                .hasMessageContaining("at offset");
    }

    @Test
    void refusesHostileNesting() {
        String deep = "[".repeat(Json.MAX_DEPTH + 2) + "]".repeat(Json.MAX_DEPTH + 2);
        assertThatThrownBy(() -> Json.parse(deep)).hasMessageContaining("nesting deeper");
        String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertThat(catching(ok)).isInstanceOf(List.class);
    }

    @Test
    void parseObjectRefusesOtherTypes() {
        assertThatThrownBy(() -> Json.parseObject("[1]")).hasMessageContaining("expected a JSON object, got array");
    }

    // Property: writing a random value and parsing it back gives the value (seeded, reproducible).
    static Stream<Long> seeds() {
        return IntStream.range(0, 200).mapToObj(i -> 0x5EED0000L + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void roundTripsRandomValues(long seed) throws Exception {
        Random rnd = new Random(seed);
        Object value = randomValue(rnd, 0);
        assertThat(Json.parse(write(value, rnd))).isEqualTo(value);
    }

    private static Object catching(String text) {
        try {
            return Json.parse(text);
        } catch (Json.JsonException e) {
            throw new AssertionError(e);
        }
    }

    private static Object randomValue(Random rnd, int depth) {
        int kind = rnd.nextInt(depth > 4 ? 5 : 7);
        switch (kind) {
            case 0:
                return randomString(rnd);
            case 1:
                return new BigDecimal(rnd.nextLong()).movePointLeft(rnd.nextInt(6));
            case 2:
                return rnd.nextBoolean();
            case 3:
                return Json.NULL;
            case 4:
                return BigDecimal.valueOf(rnd.nextInt(100));
            case 5: {
                List<Object> list = new ArrayList<>();
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    list.add(randomValue(rnd, depth + 1));
                }
                return list;
            }
            default: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    map.put(randomString(rnd), randomValue(rnd, depth + 1));
                }
                return map;
            }
        }
    }

    private static String randomString(Random rnd) {
        StringBuilder sb = new StringBuilder();
        for (int i = rnd.nextInt(8); i > 0; i--) {
            int pick = rnd.nextInt(4);
            sb.append(
                    switch (pick) {
                        case 0 -> (char) ('a' + rnd.nextInt(26));
                        case 1 -> "\"\\/\b\f\n\r\t".charAt(rnd.nextInt(8));
                        case 2 -> (char) rnd.nextInt(0x20);
                        default -> (char) (0xA0 + rnd.nextInt(0xD000));
                    });
        }
        return sb.toString();
    }

    /** A JSON writer for the test, with random whitespace and escaping choices. */
    private static String write(Object v, Random rnd) {
        String ws = rnd.nextBoolean() ? "" : " \n\t\r".substring(rnd.nextInt(4));
        if (v instanceof String s) {
            StringBuilder sb = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    sb.append('\\').append(c);
                } else if (c < 0x20 || rnd.nextInt(10) == 0) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            return ws + sb.append('"') + ws;
        } else if (v instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(x -> items.add(write(x, rnd)));
            return ws + "[" + String.join(",", items) + ws + "]";
        } else if (v instanceof Map<?, ?> map) {
            List<String> items = new ArrayList<>();
            map.forEach((k, x) -> items.add(write(k, rnd) + ":" + write(x, rnd)));
            return ws + "{" + String.join(",", items) + ws + "}";
        } else if (v instanceof BigDecimal d) {
            return ws + d.toString().replace("E", rnd.nextBoolean() ? "e" : "E") + ws;
        }
        return ws + v + ws;
    }
}
