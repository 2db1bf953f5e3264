package io.github.colorize.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.internal.backend.DeviceSpec.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceSpecTest {

    @ParameterizedTest
    @CsvSource({
        "auto, AUTO, 0",
        "'', AUTO, 0",
        "CPU, CPU, 0",
        "cuda, CUDA, 0",
        "gpu, CUDA, 0",
        "cuda:3, CUDA, 3",
        " Cuda:0 , CUDA, 0"
    })
    void parsesEveryForm(String text, Kind kind, int index) {
        assertThat(DeviceSpec.parse(text)).isEqualTo(new DeviceSpec(kind, index));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tpu", "cuda:", "cuda:-1", "cuda:x", "cpu:0", "cuda0"})
    void rejectsOtherTextNamingTheForms(String text) {
        assertThatThrownBy(() -> DeviceSpec.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auto, cpu, cuda or cuda:N");
    }
}
