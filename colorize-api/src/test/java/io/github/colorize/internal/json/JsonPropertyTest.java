package io.github.colorize.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded, reproducible property tests: a failing seed names its case. */
class JsonPropertyTest {

    static Stream<Long> seeds() {
        return LongStream.range(0, 200).mapToObj(i -> 0x5EED0000L + i);
    }

    /** Property: {@link Json#write} then {@link Json#parse} gives the value back, on one valid line. */
    @ParameterizedTest
    @MethodSource("seeds")
    void writeThenParseGivesTheValueBack(long seed) {
        Random rnd = new Random(seed);
        Object value = randomValue(rnd, 0);
        String text = Json.write(value);
        assertThat(text).doesNotContain("\n").doesNotContain("\r");
        // No lone surrogates left: the text survives a UTF-8 round trip unchanged.
        assertThat(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .isEqualTo(text);
        assertThat(Json.parse(text)).isEqualTo(value);
    }

    /** Property: any JSON spelling of a value (whitespace, escapes, exponent case) parses to it. */
    @ParameterizedTest
    @MethodSource("seeds")
    void anySpellingParsesToTheSameValue(long seed) {
        Random rnd = new Random(seed);
        Object value = randomValue(rnd, 0);
        assertThat(Json.parse(spell(value, rnd))).isEqualTo(value);
    }

    /** Property: finite doubles and longs come back numerically equal. */
    @ParameterizedTest
    @MethodSource("seeds")
    void doublesAndLongsSurviveARoundTrip(long seed) {
        Random rnd = new Random(seed);
        double d = Double.longBitsToDouble(rnd.nextLong());
        double finite = Double.isFinite(d) ? d : rnd.nextGaussian();
        long l = rnd.nextLong();
        List<?> back = (List<?>) Json.parse(Json.write(List.of(finite, l)));
        assertThat(((BigDecimal) back.get(0)).doubleValue()).isEqualTo(finite);
        assertThat(((BigDecimal) back.get(1)).longValueExact()).isEqualTo(l);
    }

    /**
     * Property: a valid text cut short or with a few chars changed either parses or fails with a
     * {@link JsonException}; nothing else escapes (no index, number-format or stack errors).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void damagedTextFailsOnlyWithJsonException(long seed) {
        Random rnd = new Random(seed);
        StringBuilder text = new StringBuilder(spell(randomValue(rnd, 0), rnd));
        String alphabet = "{}[],:\"\\/ -+.eE0123456789tfnulrasxu\u0000\ud800";
        for (int i = rnd.nextInt(4); i >= 0 && text.length() > 0; i--) {
            text.setCharAt(rnd.nextInt(text.length()), alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        String damaged = text.substring(0, rnd.nextInt(text.length() + 1));
        assertThatCode(() -> {
                    try {
                        Json.parse(damaged);
                    } catch (JsonException expected) {
                        assertThat(expected.offset()).isBetween(0, damaged.length());
                    }
                })
                .as(damaged)
                .doesNotThrowAnyException();
    }

    static Object randomValue(Random rnd, int depth) {
        int kind = rnd.nextInt(depth > 4 ? 5 : 7);
        switch (kind) {
            case 0:
                return randomString(rnd);
            case 1:
                return new BigDecimal(rnd.nextLong()).movePointLeft(rnd.nextInt(12) - 3);
            case 2:
                return rnd.nextBoolean();
            case 3:
                return null;
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

    static String randomString(Random rnd) {
        StringBuilder sb = new StringBuilder();
        for (int i = rnd.nextInt(10); i > 0; i--) {
            sb.append(
                    switch (rnd.nextInt(7)) {
                        case 0 -> String.valueOf((char) ('a' + rnd.nextInt(26)));
                        case 1 -> String.valueOf("\"\\/\b\f\n\r\t".charAt(rnd.nextInt(8)));
                        case 2 -> String.valueOf((char) rnd.nextInt(0x20)); // control characters
                        case 3 -> "\ud83d\ude00"; // a surrogate pair
                        case 4 -> String.valueOf((char) (0xD800 + rnd.nextInt(0x800))); // a lone surrogate
                        case 5 -> "é漢";
                        default -> String.valueOf((char) (0xA0 + rnd.nextInt(0xD000)));
                    });
        }
        return sb.toString();
    }

    /** A JSON spelling of a value with random whitespace, escapes and exponent letters. */
    private static String spell(Object v, Random rnd) {
        String ws = rnd.nextBoolean() ? "" : " \n\t\r".substring(rnd.nextInt(4));
        if (v instanceof String s) {
            StringBuilder sb = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    sb.append('\\').append(c);
                } else if (c == '/' && rnd.nextBoolean()) {
                    sb.append("\\/");
                } else if (c < 0x20 || rnd.nextInt(10) == 0) {
                    sb.append(String.format(rnd.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
                } else {
                    sb.append(c);
                }
            }
            return ws + sb.append('"') + ws;
        } else if (v instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(x -> items.add(spell(x, rnd)));
            return ws + "[" + String.join(",", items) + ws + "]";
        } else if (v instanceof Map<?, ?> map) {
            List<String> items = new ArrayList<>();
            map.forEach((k, x) -> items.add(spell(k, rnd) + ":" + spell(x, rnd)));
            return ws + "{" + String.join(",", items) + ws + "}";
        } else if (v instanceof BigDecimal d) {
            return ws + d.toString().replace("E", rnd.nextBoolean() ? "e" : "E") + ws;
        }
        return ws + v + ws;
    }
}
