package io.github.colorize.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MiniJsonTest {

    @Test
    void readsEveryValueKind() {
        Map<String, Object> m = MiniJson.parseObject(
                " {\"s\": \"a\\\"b\\\\c\\u00e9\\n\", \"n\": -12.5e3, \"t\": true, \"f\": false, \"z\": null,"
                        + " \"l\": [1, \"x\", []], \"o\": {\"k\": {}}} ");
        assertThat(m.get("s")).isEqualTo("a\"b\\cé\n");
        assertThat(m.get("n")).isEqualTo("-12.5e3");
        assertThat(m.get("t")).isEqualTo(Boolean.TRUE);
        assertThat(m.get("f")).isEqualTo(Boolean.FALSE);
        assertThat(m).containsKey("z");
        assertThat(m.get("z")).isNull();
        assertThat(m.get("l")).isEqualTo(List.of("1", "x", List.of()));
        assertThat(m.get("o")).isEqualTo(Map.of("k", Map.of()));
        assertThat(m.keySet()).containsExactly("s", "n", "t", "f", "z", "l", "o");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "[]",
                "{",
                "{\"a\"}",
                "{\"a\":1,}",
                "{\"a\":1} x",
                "{\"a\":tru}",
                "{\"a\":\"\\q\"}",
                "{\"a\":1,\"a\":2}",
                "{\"a\":--1}",
                "{a:1}"
            })
    void rejectsMalformedDocuments(String text) {
        assertThatThrownBy(() -> MiniJson.parseObject(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
