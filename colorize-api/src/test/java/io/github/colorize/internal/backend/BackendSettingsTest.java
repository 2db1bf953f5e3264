package io.github.colorize.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.BackendConfig;
import io.github.colorize.internal.pipeline.Fidelity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackendSettingsTest {

    @Test
    void defaultsWhenNothingIsSet() {
        BackendConfig c = BackendConfig.defaults();
        assertThat(BackendSettings.device(c).kind()).isEqualTo(DeviceSpec.Kind.AUTO);
        assertThat(BackendSettings.fidelity(c)).isEqualTo(Fidelity.DEFAULT);
        assertThat(BackendSettings.threads(c)).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(BackendSettings.problem(c)).isEmpty();
    }

    @Test
    void parsesWhatIsSet() {
        BackendConfig c = BackendConfig.builder()
                .device("cuda:1")
                .set(BackendConfig.FIDELITY, "Reference")
                .set(BackendSettings.THREADS, " 3 ")
                .build();
        assertThat(BackendSettings.device(c)).isEqualTo(new DeviceSpec(DeviceSpec.Kind.CUDA, 1));
        assertThat(BackendSettings.fidelity(c)).isEqualTo(Fidelity.REFERENCE);
        assertThat(BackendSettings.threads(c)).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1025", "-2", "two", ""})
    void threadsOutsideOneTo1024AreRefused(String value) {
        BackendConfig c =
                BackendConfig.builder().set(BackendSettings.THREADS, value).build();
        assertThatThrownBy(() -> BackendSettings.threads(c))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 1024");
        assertThat(BackendSettings.problem(c))
                .hasValueSatisfying(p -> assertThat(p).contains("threads"));
    }

    @Test
    void theFirstBadSettingIsTheProblem() {
        assertThat(BackendSettings.problem(BackendConfig.builder().device("tpu").build()))
                .hasValueSatisfying(p -> assertThat(p).contains("device"));
        assertThat(BackendSettings.problem(BackendConfig.builder()
                        .set(BackendConfig.FIDELITY, "exact")
                        .build()))
                .hasValueSatisfying(p -> assertThat(p).contains("fidelity"));
    }
}
