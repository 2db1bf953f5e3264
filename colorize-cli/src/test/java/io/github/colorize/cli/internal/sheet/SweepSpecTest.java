package io.github.colorize.cli.internal.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.RenderFactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SweepSpecTest {

    @Test
    void parsesFromToStep() {
        assertThat(SweepSpec.parse("10:40:5").factors())
                .extracting(f -> f.value().getAsInt())
                .containsExactly(10, 15, 20, 25, 30, 35, 40);
        assertThat(SweepSpec.parse(" 7 : 9 : 1 ").factors())
                .containsExactly(RenderFactor.of(7), RenderFactor.of(8), RenderFactor.of(9));
        assertThat(SweepSpec.parse("20:32").factors())
                .extracting(f -> f.value().getAsInt())
                .containsExactly(20, 25, 30);
        assertThat(SweepSpec.parse("35:35:5").factors()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "10:40:5:1", "a:b:c", "6:40:5", "10:46:5", "40:10:5", "10:40:0", "10:40:-5"})
    void rejectsBadSweeps(String text) {
        assertThatThrownBy(() -> SweepSpec.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
