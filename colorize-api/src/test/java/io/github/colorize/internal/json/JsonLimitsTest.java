package io.github.colorize.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonLimitsTest {

    private static final int DEPTH = JsonLimits.DEFAULT.maxDepth();

    @Test
    void acceptsNestingUpToTheLimitAndRefusesOneMore() {
        String ok = "[".repeat(DEPTH) + "]".repeat(DEPTH);
        assertThat(Json.parse(ok)).isInstanceOf(List.class);
        String deeper = "[".repeat(DEPTH + 1) + "]".repeat(DEPTH + 1);
        assertThatThrownBy(() -> Json.parse(deeper))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("nesting deeper than " + DEPTH);
        String objects = "{\"a\":".repeat(DEPTH + 1) + "1" + "}".repeat(DEPTH + 1);
        assertThatThrownBy(() -> Json.parse(objects)).hasMessageContaining("nesting deeper");
    }

    @Test
    void hostileNestingFailsFastWithoutExhaustingTheStack() {
        String bomb = "[".repeat(1_000_000);
        assertThatThrownBy(() -> Json.parse(bomb))
                .isInstanceOfSatisfying(
                        JsonException.class, e -> assertThat(e.offset()).isEqualTo(DEPTH));
    }

    @Test
    void depthOneReadsFlatObjectsOnly() {
        JsonLimits flat = JsonLimits.DEFAULT.withMaxDepth(1);
        assertThat(Json.parseObject("{\"a\":1,\"b\":\"x\",\"c\":null}", flat)).hasSize(3);
        assertThatThrownBy(() -> Json.parseObject("{\"a\":[1]}", flat)).hasMessageContaining("nesting deeper than 1");
        assertThatThrownBy(() -> Json.parseObject("{\"a\":{}}", flat)).hasMessageContaining("nesting deeper than 1");
        JsonLimits scalars = JsonLimits.DEFAULT.withMaxDepth(0);
        assertThat(Json.parse("\"x\"", scalars)).isEqualTo("x");
        assertThatThrownBy(() -> Json.parse("[]", scalars)).hasMessageContaining("nesting deeper than 0");
    }

    @Test
    void refusesTextLongerThanTheLimit() {
        JsonLimits ten = JsonLimits.DEFAULT.withMaxLength(10);
        assertThat(Json.parse("\"12345678\"", ten)).isEqualTo("12345678");
        assertThatThrownBy(() -> Json.parse("\"123456789\"", ten))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("11 chars long, more than the limit of 10");
    }

    @Test
    void boundsTheLengthOfANumber() {
        String longest = "1".repeat(JsonReader.MAX_NUMBER_CHARS);
        assertThat(Json.parse(longest)).isEqualTo(new BigDecimal(longest));
        assertThatThrownBy(() -> Json.parse("[" + longest + "1]"))
                .isInstanceOfSatisfying(
                        JsonException.class, e -> assertThat(e.offset()).isEqualTo(1))
                .hasMessageContaining("number longer than");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e10001", "1e-10001", "0e99999", "1e2147483648", "-1.5e99999999999"})
    void refusesExponentsThatWouldCostMemoryLater(String text) {
        assertThatThrownBy(() -> Json.parse(text))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("number out of range");
    }

    @Test
    void acceptsExponentsAtTheScaleBound() {
        assertThat(((BigDecimal) Json.parse("1e10000")).scale()).isEqualTo(-10_000);
        assertThat(((BigDecimal) Json.parse("1e-10000")).scale()).isEqualTo(10_000);
    }

    @Test
    void limitsThemselvesAreChecked() {
        assertThatThrownBy(() -> new JsonLimits(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JsonLimits(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JsonLimits(1, JsonLimits.DEPTH_CEILING + 1))
                .isInstanceOf(IllegalArgumentException.class);
        JsonLimits deepest = new JsonLimits(1 << 20, JsonLimits.DEPTH_CEILING);
        int d = JsonLimits.DEPTH_CEILING;
        assertThat(Json.parse("[".repeat(d) + "]".repeat(d), deepest)).isInstanceOf(List.class);
    }
}
