package io.github.colorize.djl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DjlSwitchesTest {

    private final Map<String, String> props = new HashMap<>();

    private List<String> apply(Map<String, String> env) {
        return DjlSwitches.apply(env, props::get, props::put);
    }

    @Test
    void setsEverySwitchTheUserLeftUnset() {
        assertThat(apply(Map.of()))
                .containsExactly(
                        "ai.djl.offline=true", "OPT_OUT_TRACKING=true", "ai.djl.onnx.disable_alternative=true");
        assertThat(props)
                .containsEntry(DjlSwitches.OFFLINE, "true")
                .containsEntry(DjlSwitches.TRACKING, "true")
                .containsEntry(DjlSwitches.NO_ALTERNATIVE, "true");
        assertThat(apply(Map.of())).as("second call").isEmpty();
    }

    @Test
    void keepsWhatTheUserSetAsPropertyOrEnvironmentVariable() {
        props.put(DjlSwitches.OFFLINE, "false");
        props.put(DjlSwitches.NO_ALTERNATIVE, "false");
        assertThat(apply(Map.of(DjlSwitches.TRACKING, "false"))).isEmpty();
        assertThat(props)
                .containsEntry(DjlSwitches.OFFLINE, "false")
                .containsEntry(DjlSwitches.NO_ALTERNATIVE, "false")
                .doesNotContainKey(DjlSwitches.TRACKING);

        props.clear();
        assertThat(apply(Map.of(DjlSwitches.OFFLINE_ENV, "false")))
                .containsExactly("OPT_OUT_TRACKING=true", "ai.djl.onnx.disable_alternative=true");
        assertThat(props).doesNotContainKey(DjlSwitches.OFFLINE);
    }

    @Test
    void theTestJvmRunsOffline() {
        // Surefire and Failsafe set both switches, or DJL's Engine initialiser calls the EC2 metadata
        // address (169.254.169.254); the backend would set them too.
        assertThat(DjlSwitches.offline()).isTrue();
        assertThat(System.getProperty(DjlSwitches.TRACKING, System.getenv(DjlSwitches.TRACKING)))
                .isEqualTo("true");
    }
}
