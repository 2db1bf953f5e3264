package io.github.colorize.djl.internal;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import io.github.colorize.internal.backend.ConvCase;
import io.github.colorize.internal.backend.ConvOnnxGraph;
import io.github.colorize.internal.backend.KernelSelfCheck;
import io.github.colorize.internal.backend.KernelSelfCheck.Outcome;
import io.github.colorize.internal.backend.KernelSelfCheck.Precision;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the shared {@link KernelSelfCheck} on a DJL engine and device when a model is loaded: PyTorch
 * through DJL's own convolution (the {@code aten::convolution} that TorchScript modules call), ONNX
 * Runtime through one graph of all the cases, loaded by DJL with the options real models get. On the PyTorch CPU
 * engine a wrong result is fixed in the JVM by {@link LibTorchOneDnn} and checked again; anything still
 * wrong is refused. Static and thread-safe; each engine and device is checked once per JVM.
 */
public final class DjlKernelCheck {

    /** What a user can do when no fix holds in the JVM. */
    static final String REMEDY = "Set ONEDNN_MAX_CPU_ISA=AVX2 in the environment before the JVM starts (libtorch's"
            + " oneDNN then keeps to kernels that are right here), or run the model's ONNX export on the onnx backend";

    private DjlKernelCheck() {}

    /**
     * The runtime an engine is checked under. ONNX Runtime's is the one {@code colorize-onnx} uses: both
     * run the same library (one per process), which is then checked once per device.
     *
     * @param kind the engine
     * @return the runtime name for {@link KernelSelfCheck#key}
     */
    public static String runtime(EngineKind kind) {
        return kind == EngineKind.ONNX_RUNTIME ? KernelSelfCheck.ONNX_RUNTIME : "DJL's PyTorch engine (libtorch)";
    }

    /**
     * Checks the engine on the device (once per JVM) and refuses it when it computes wrong.
     *
     * @param kind the engine
     * @param engine the started engine
     * @param label {@code cpu} or {@code cuda:N}
     * @param threads intra-op threads (ONNX Runtime)
     * @return the outcome, usable
     * @throws io.github.colorize.BackendUnavailableException naming the problem and the remedy
     */
    static Outcome require(EngineKind kind, Engine engine, String label, int threads) {
        Device device = label.startsWith("cuda:") ? Device.gpu(Integer.parseInt(label.substring(5))) : Device.cpu();
        Precision precision = device.isGpu() ? Precision.TF32 : Precision.FLOAT32;
        Outcome outcome;
        if (kind == EngineKind.PYTORCH) {
            outcome = KernelSelfCheck.verify(
                    KernelSelfCheck.key(runtime(kind), label),
                    cases -> torchConvolutions(engine, device, cases),
                    precision,
                    device.isGpu() ? null : LibTorchOneDnn::disableConvolutions,
                    REMEDY);
        } else {
            outcome = KernelSelfCheck.verify(
                    KernelSelfCheck.key(runtime(kind), label),
                    cases -> ortConvolutions(device, cases, threads),
                    precision,
                    null,
                    KernelSelfCheck.ONNX_RUNTIME_REMEDY);
        }
        outcome.requireUsable("djl");
        return outcome;
    }

    static List<float[]> torchConvolutions(Engine engine, Device device, List<ConvCase> cases) {
        List<float[]> out = new ArrayList<>();
        try (NDManager m = engine.newBaseManager(device)) {
            for (ConvCase c : cases) {
                NDArray x = m.create(c.input(), new Shape(c.inputShape()));
                NDArray w = m.create(c.weight(), new Shape(c.weightShape()));
                NDArray b = m.create(c.bias(), new Shape(c.outChannels()));
                NDList y = x.getNDArrayInternal()
                        .convolution(
                                x,
                                w,
                                b,
                                new Shape(c.stride(), c.stride()),
                                new Shape(c.padding(), c.padding()),
                                new Shape(1, 1),
                                1);
                out.add(y.singletonOrThrow().toFloatArray());
            }
        }
        return out;
    }

    private static List<float[]> ortConvolutions(Device device, List<ConvCase> cases, int threads) throws Exception {
        try (Model model = Model.newInstance("conv-self-check", device, EngineKind.ONNX_RUNTIME.djlName())) {
            model.load(
                    new ByteArrayInputStream(ConvOnnxGraph.bytes(cases)),
                    Map.of(
                            "intraOpNumThreads", Integer.toString(threads),
                            "interOpNumThreads", "1",
                            "optLevel", "ALL_OPT"));
            try (Predictor<NDList, NDList> p = model.newPredictor(new NoopTranslator())) {
                NDList in = new NDList();
                for (int i = 0; i < cases.size(); i++) {
                    NDArray x = model.getNDManager()
                            .create(cases.get(i).input(), new Shape(cases.get(i).inputShape()));
                    x.setName(ConvOnnxGraph.input(i));
                    in.add(x);
                }
                NDList y = p.predict(in);
                List<float[]> out = new ArrayList<>();
                for (int i = 0; i < cases.size(); i++) {
                    out.add(y.get(ConvOnnxGraph.output(i)).toFloatArray());
                }
                return out;
            }
        }
    }
}
