package io.github.colorize.djl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DjlEnginesTest {

    @Test
    void theOrtEnvironmentClashIsExplained() {
        // What ONNX Runtime throws inside DJL's engine initialiser when the process-wide environment
        // already exists: DJL asks for its own thread pools, which only the creating call may set.
        Throwable e = new ExceptionInInitializerError(new IllegalStateException(
                "Tried to specify the thread pool when creating an OrtEnvironment, but one already exists."));
        String m = DjlEngines.explain(EngineKind.ONNX_RUNTIME, e);
        assertThat(m)
                .contains("DJL's OnnxRuntime engine cannot start in this JVM")
                .contains("Create DJL colorizers before ONNX ones")
                .contains("one ONNX backend per JVM");
    }

    @Test
    void missingPyTorchNativesNameTheArtifact() {
        String m = DjlEngines.explain(
                EngineKind.PYTORCH, new IllegalStateException(new java.io.IOException("Offline mode is enabled.")));
        assertThat(m)
                .contains("IOException: Offline mode is enabled.")
                .contains("pytorch-native-cpu:2.7.1:linux-x86_64")
                .contains("2.7.1-0.35.1");
    }

    @Test
    void otherFailuresKeepTheirRootCause() {
        String m = DjlEngines.explain(
                EngineKind.ONNX_RUNTIME, new ExceptionInInitializerError(new UnsatisfiedLinkError("libonnxruntime")));
        assertThat(m).contains("OnnxRuntime").contains("UnsatisfiedLinkError: libonnxruntime");
        assertThat(DjlEngines.rootMessage(new RuntimeException())).isEqualTo("RuntimeException");
    }

    @Test
    void enginesStartHereAndNoFailureIsRemembered() {
        assertThat(DjlEngines.start(EngineKind.ONNX_RUNTIME).getEngineName()).isEqualTo("OnnxRuntime");
        assertThat(DjlEngines.knownFailure(EngineKind.ONNX_RUNTIME)).isEmpty();
    }
}
