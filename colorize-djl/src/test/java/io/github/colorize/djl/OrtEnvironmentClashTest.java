package io.github.colorize.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtEnvironment;
import io.github.colorize.BackendConfig;
import io.github.colorize.BackendUnavailableException;
import io.github.colorize.spi.Availability;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * ONNX Runtime's environment created first (as the {@code onnx} backend does) leaves DJL's OnnxRuntime
 * engine unable to start for the rest of the JVM: DJL asks for its own thread pools, which ONNX Runtime
 * accepts only from the call that creates its process-wide environment. The backend must say so
 * plainly, every time, instead of leaking an {@link ExceptionInInitializerError} and then a
 * {@link NoClassDefFoundError}. Runs in its own Surefire execution (its own JVM), because it poisons
 * DJL's engine.
 */
@Tag("ort-clash")
class OrtEnvironmentClashTest {

    private static final BackendConfig ORT =
            BackendConfig.builder().device("cpu").set("engine", "onnxruntime").build();

    @Test
    void djlAfterAnotherOrtEnvironmentIsAClearTypedError() {
        OrtEnvironment.getEnvironment();
        DjlColorizerProvider provider = new DjlColorizerProvider();
        assertThat(provider.availability(ORT).available())
                .as("nothing is known before the first attempt")
                .isTrue();

        assertThatThrownBy(() -> provider.create(ORT))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("DJL's OnnxRuntime engine cannot start in this JVM")
                .hasMessageContaining("Create DJL colorizers before ONNX ones")
                .hasCauseInstanceOf(ExceptionInInitializerError.class);
        // Later attempts in this JVM give the same explanation, not DJL's NoClassDefFoundError.
        assertThatThrownBy(() -> new DjlColorizerProvider().create(ORT))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("Create DJL colorizers before ONNX ones");

        Availability after = new DjlColorizerProvider().availability(ORT);
        assertThat(after.available()).isFalse();
        assertThat(after.reason()).contains("Create DJL colorizers before ONNX ones");
    }
}
