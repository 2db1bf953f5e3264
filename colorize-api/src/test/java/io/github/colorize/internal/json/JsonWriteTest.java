package io.github.colorize.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JsonWriteTest {

    @Test
    void writesScalarsMapsAndLists() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\\c\nd\te\u0001\r");
        m.put("i", 42);
        m.put("l", -7L);
        m.put("d", 1.5);
        m.put("f", 0.25f);
        m.put("nan", Double.NaN);
        m.put("inf", Float.NEGATIVE_INFINITY);
        m.put("b", true);
        m.put("n", null);
        m.put("list", List.of(1, "x"));
        m.put("map", Map.of("k", "v"));
        m.put("sb", new StringBuilder("y"));
        assertThat(Json.write(m))
                .isEqualTo("{\"s\":\"a\\\"b\\\\c\\nd\\te\\u0001\\r\",\"i\":42,\"l\":-7,\"d\":1.5,\"f\":0.25,"
                        + "\"nan\":null,\"inf\":null,\"b\":true,\"n\":null,\"list\":[1,\"x\"],\"map\":{\"k\":\"v\"},"
                        + "\"sb\":\"y\"}");
    }

    @Test
    void writesExactNumbersExactly() {
        assertThat(Json.write(
                        List.of(new BigDecimal("0.10"), new BigDecimal("1E+400"), new BigInteger("9".repeat(30)))))
                .isEqualTo("[0.10,1E+400," + "9".repeat(30) + "]");
        assertThat(Json.write(new AtomicInteger(3))).isEqualTo("3");
        assertThat(Json.write(1e21)).isEqualTo("1.0E21");
    }

    @Test
    void keepsPairedSurrogatesAndEscapesLoneOnes() {
        assertThat(Json.write("\ud83d\ude00")).isEqualTo("\"\ud83d\ude00\"");
        assertThat(Json.write("a\ud83db\ude00\ud800")).isEqualTo("\"a\\ud83db\\ude00\\ud800\"");
        assertThat(Json.parse(Json.write("a\ud83db\ude00\ud800"))).isEqualTo("a\ud83db\ude00\ud800");
    }

    @Test
    void refusesWhatJsonCannotHold() {
        assertThatThrownBy(() -> Json.write(new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot write java.lang.Object");
        assertThatThrownBy(() -> Json.write(Map.of(1, "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("member name must be a string");
    }

    @Test
    void refusesAListThatContainsItself() {
        List<Object> loop = new ArrayList<>();
        loop.add(loop);
        assertThatThrownBy(() -> Json.write(loop))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nested deeper than " + JsonLimits.DEFAULT.maxDepth());
    }

    @Test
    void writesWhatTheReaderAcceptsAtTheDepthLimit() {
        Object deepest = "x";
        for (int i = 0; i < JsonLimits.DEFAULT.maxDepth(); i++) {
            deepest = List.of(deepest);
        }
        assertThat(Json.parse(Json.write(deepest))).isEqualTo(deepest);
        Object tooDeep = List.of(deepest);
        assertThatThrownBy(() -> Json.write(tooDeep)).isInstanceOf(IllegalArgumentException.class);
    }
}
