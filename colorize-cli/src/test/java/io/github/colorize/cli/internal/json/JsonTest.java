package io.github.colorize.cli.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @Test
    void writesScalarsMapsAndLists() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\\c\nd\te\u0001");
        m.put("i", 42);
        m.put("l", -7L);
        m.put("d", 1.5);
        m.put("nan", Double.NaN);
        m.put("b", true);
        m.put("n", null);
        m.put("list", List.of(1, "x"));
        m.put("map", Map.of("k", "v"));
        assertThat(Json.write(m))
                .isEqualTo("{\"s\":\"a\\\"b\\\\c\\nd\\te\\u0001\",\"i\":42,\"l\":-7,\"d\":1.5,\"nan\":null,"
                        + "\"b\":true,\"n\":null,\"list\":[1,\"x\"],\"map\":{\"k\":\"v\"}}");
    }

    @Test
    void parsesFlatObjectWithTypes() {
        Map<String, Object> m =
                Json.parseFlatObject(" { \"a\" : \"x\\u00e9\\/\" , \"b\":12,\"c\":-1.25e2,\"d\":false,\"e\":null } ");
        assertThat(m)
                .containsEntry("a", "xé/")
                .containsEntry("b", 12L)
                .containsEntry("c", -125.0)
                .containsEntry("d", false)
                .containsEntry("e", null);
        assertThat(Json.parseFlatObject("{}")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "{",
                "{\"a\":1",
                "{\"a\":1,}",
                "{\"a\" 1}",
                "[1]",
                "{\"a\":[1]}",
                "{\"a\":{}}",
                "{\"a\":1} x",
                "{\"a\":\"\\q\"}",
                "{\"a\":\"\\u12\"}",
                "{\"a\":tru}",
                "{\"a\":1.2.3}",
                "{\"a\":\"line\nbreak\"}"
            })
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> Json.parseFlatObject(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid JSON at offset");
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 200).boxed();
    }

    /** Property: any flat record of strings, longs, booleans and nulls survives write then parse. */
    @ParameterizedTest
    @MethodSource("seeds")
    void roundTripsRandomFlatRecords(long seed) {
        Random rnd = new Random(seed);
        Map<String, Object> record = new LinkedHashMap<>();
        int n = rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
            String key = randomString(rnd) + i;
            Object value = switch (rnd.nextInt(5)) {
                case 0 -> randomString(rnd);
                case 1 -> rnd.nextLong();
                case 2 -> rnd.nextBoolean();
                case 3 -> null;
                default -> (double) rnd.nextInt(1000) / 8.0 + 0.5;
            };
            record.put(key, value);
        }
        String line = Json.write(record);
        assertThat(line).doesNotContain("\n").doesNotContain("\r");
        assertThat(Json.parseFlatObject(line)).isEqualTo(record);
    }

    private static String randomString(Random rnd) {
        StringBuilder sb = new StringBuilder();
        int len = rnd.nextInt(12);
        for (int i = 0; i < len; i++) {
            sb.append(
                    switch (rnd.nextInt(6)) {
                        case 0 -> (char) rnd.nextInt(0x20); // control characters
                        case 1 -> "\"\\/".charAt(rnd.nextInt(3));
                        case 2 -> "é漢";
                        case 3 -> "😀"; // a surrogate pair
                        default -> (char) ('a' + rnd.nextInt(26));
                    });
        }
        return sb.toString();
    }
}
