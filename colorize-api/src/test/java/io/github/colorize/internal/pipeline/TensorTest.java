package io.github.colorize.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TensorTest {

    @Test
    void shapeMustMatchTheData() {
        assertThatThrownBy(() -> new Tensor("x", new long[] {1, 3, 2, 2}, new float[11]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 12 values, got 11");
        assertThatThrownBy(() -> new Tensor("x", new long[] {1, 0, 2}, new float[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-positive");
    }

    @Test
    void valueSemanticsAndAShortToString() {
        Tensor a = new Tensor("l", new long[] {1, 1, 1, 2}, new float[] {1f, 2f});
        Tensor b = new Tensor("l", new long[] {1, 1, 1, 2}, new float[] {1f, 2f});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(a.withName("m"));
        assertThat(a.toString()).isEqualTo("Tensor[l [1, 1, 1, 2]]");
        assertThat(a.dim(-1)).isEqualTo(2);
        assertThat(Tensor.zeros("z", 1, 2, 3, 4).data()).hasSize(24).containsOnly(0f);
    }

    @Test
    void preparedChecksThePhotoSizeAndKeepsExtraInputsInOrder() {
        Tensor in = Tensor.zeros("L", 1, 1, 2, 2);
        assertThatThrownBy(() -> new Prepared(in, new int[5], 2, 3, 2, 2, 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2x3");
        Map<String, Tensor> extra = new LinkedHashMap<>();
        extra.put("mask", Tensor.zeros("mask", 1, 1, 2, 2));
        extra.put("ab_hint", Tensor.zeros("ab_hint", 1, 2, 2, 2));
        Prepared p = new Prepared(in, new int[6], 2, 3, 2, 2, 7, Fidelity.REFERENCE, extra);
        assertThat(p.allInputs().keySet()).containsExactly("L", "mask", "ab_hint");
        assertThat(new Prepared(in, new int[6], 2, 3, 2, 2, 7).fidelity()).isEqualTo(Fidelity.DEFAULT);
    }

    @Test
    void fidelityParsesTheBackendSetting() {
        assertThat(Fidelity.parse(" Reference ")).isEqualTo(Fidelity.REFERENCE);
        assertThat(Fidelity.parse("default")).isEqualTo(Fidelity.DEFAULT);
        assertThatThrownBy(() -> Fidelity.parse("exact"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'exact'");
    }

    @Test
    void auxiliaryZerosTakeTheMainInputsHeightAndWidth() {
        Tensor main = Tensor.zeros("L", 1, 1, 3, 5);
        Tensor hint = Tensor.auxiliaryZeros("ab_hint", 2, main);
        assertThat(hint.name()).isEqualTo("ab_hint");
        assertThat(hint.shape()).containsExactly(1, 2, 3, 5);
        assertThat(hint.data()).containsOnly(0f);
        assertThatThrownBy(() -> Tensor.auxiliaryZeros("mask", 1, Tensor.zeros("flat", 15)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'flat' is not NCHW");
    }
}
