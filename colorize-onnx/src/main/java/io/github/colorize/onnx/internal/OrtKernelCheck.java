package io.github.colorize.onnx.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.github.colorize.internal.backend.ConvCase;
import io.github.colorize.internal.backend.ConvOnnxGraph;
import io.github.colorize.internal.backend.KernelSelfCheck;
import io.github.colorize.internal.backend.KernelSelfCheck.Outcome;
import io.github.colorize.internal.backend.KernelSelfCheck.Precision;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the shared {@link KernelSelfCheck} on ONNX Runtime when a model is loaded: the cases are one
 * {@link ConvOnnxGraph} in a session built like the model's (same threads, optimisation level
 * and device), so the kernels checked are the ones the model gets. ONNX Runtime has no known switch away
 * from wrong kernels, so a wrong result is refused. Static and thread-safe; once per device per JVM (an
 * outcome shared with {@code djl}'s OnnxRuntime engine, which runs the same library).
 */
final class OrtKernelCheck {

    private OrtKernelCheck() {}

    /**
     * Checks ONNX Runtime on the device, once per JVM.
     *
     * @param env the environment
     * @param device {@code cpu} or {@code cuda:N}
     * @param threads intra-op threads, as the model's session
     * @return the outcome, usable
     * @throws io.github.colorize.BackendUnavailableException naming the problem, if it computes wrong
     */
    static Outcome require(OrtEnvironment env, String device, int threads) {
        Integer cuda = device.startsWith("cuda:") ? Integer.valueOf(device.substring(5)) : null;
        Outcome outcome = KernelSelfCheck.verify(
                KernelSelfCheck.key(KernelSelfCheck.ONNX_RUNTIME, device),
                cases -> convolve(env, cases, threads, cuda),
                cuda == null ? Precision.FLOAT32 : Precision.TF32,
                null,
                KernelSelfCheck.ONNX_RUNTIME_REMEDY);
        outcome.requireUsable("onnx");
        return outcome;
    }

    private static List<float[]> convolve(OrtEnvironment env, List<ConvCase> cases, int threads, Integer cuda)
            throws OrtException {
        Map<String, OnnxTensor> feed = new LinkedHashMap<>();
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setIntraOpNumThreads(threads);
            o.setInterOpNumThreads(1);
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (cuda != null) {
                o.addCUDA(cuda);
            }
            for (int i = 0; i < cases.size(); i++) {
                ConvCase c = cases.get(i);
                feed.put(
                        ConvOnnxGraph.input(i),
                        OnnxTensor.createTensor(env, FloatBuffer.wrap(c.input()), c.inputShape()));
            }
            try (OrtSession session = env.createSession(ConvOnnxGraph.bytes(cases), o);
                    OrtSession.Result result = session.run(feed)) {
                List<float[]> out = new ArrayList<>();
                for (int i = 0; i < cases.size(); i++) {
                    FloatBuffer y =
                            ((OnnxTensor) result.get(ConvOnnxGraph.output(i)).orElseThrow()).getFloatBuffer();
                    float[] values = new float[y.remaining()];
                    y.get(values);
                    out.add(values);
                }
                return out;
            }
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }
}
