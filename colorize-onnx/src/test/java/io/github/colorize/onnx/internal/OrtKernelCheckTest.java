package io.github.colorize.onnx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.github.colorize.BackendConfig;
import io.github.colorize.internal.backend.ConvCase;
import io.github.colorize.internal.backend.ConvOnnxGraph;
import io.github.colorize.internal.backend.KernelSelfCheck;
import io.github.colorize.internal.backend.KernelSelfCheck.Outcome;
import io.github.colorize.internal.backend.KernelSelfCheck.Precision;
import io.github.colorize.onnx.OnnxColorizerProvider;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ONNX Runtime's convolution self-check, on the CPU this runs on (AVX2 or AVX-512). */
class OrtKernelCheckTest {

    @Test
    void onnxRuntimeRunsTheCodeBuiltGraphAndItMatchesTheReference() throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        List<ConvCase> cases = KernelSelfCheck.CASES;
        Map<String, OnnxTensor> feed = new HashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            feed.put(
                    ConvOnnxGraph.input(i),
                    OnnxTensor.createTensor(
                            env,
                            FloatBuffer.wrap(cases.get(i).input()),
                            cases.get(i).inputShape()));
        }
        try (OrtSession s = env.createSession(ConvOnnxGraph.bytes(cases), new OrtSession.SessionOptions());
                OrtSession.Result r = s.run(feed)) {
            for (int i = 0; i < cases.size(); i++) {
                ConvCase c = cases.get(i);
                OnnxTensor y = (OnnxTensor) r.get(ConvOnnxGraph.output(i)).orElseThrow();
                assertThat(y.getInfo().getShape()).containsExactly(c.outputShape());
                float[] out = new float[y.getFloatBuffer().remaining()];
                y.getFloatBuffer().get(out);
                assertThat(KernelSelfCheck.compare(c, out, Precision.FLOAT32))
                        .as(c.label())
                        .isEmpty();
            }
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    @Test
    void theCpuPassesOnceAndAvailabilitySaysSo() {
        Outcome outcome = OrtKernelCheck.require(OrtEnvironment.getEnvironment(), "cpu", 2);
        assertThat(outcome.usable()).isTrue();
        assertThat(OrtKernelCheck.require(OrtEnvironment.getEnvironment(), "cpu", 1))
                .isSameAs(outcome);
        System.out.println(
                "ONNX Runtime convolution self-check: " + outcome.report() + " in " + outcome.millis() + " ms");
        assertThat(new OnnxColorizerProvider()
                        .availability(BackendConfig.builder().device("cpu").build())
                        .reason())
                .contains("convolution self-check passed");
    }
}
