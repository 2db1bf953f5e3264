package io.github.colorize.onnx.internal;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.github.colorize.ColorizeException;
import io.github.colorize.ModelCard;
import io.github.colorize.ModelException;
import io.github.colorize.internal.backend.ContractCheck;
import io.github.colorize.internal.backend.DeviceSpec;
import io.github.colorize.internal.backend.GraphSignature;
import io.github.colorize.internal.backend.LoadedGraph;
import io.github.colorize.internal.model.ResolvedModel;
import io.github.colorize.internal.pipeline.Tensor;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One loaded graph: an {@link OrtSession} on the chosen device, checked against its card, that turns
 * float32 tensors into float32 tensors. fp16 graphs get their inputs narrowed and outputs widened
 * here, in Java. Auxiliary inputs the caller does not supply are fed zeros (SIGGRAPH17's hints in
 * automatic mode).
 *
 * <p>Uses the process-wide {@link OrtEnvironment#getEnvironment()} without threading options (so
 * another library may still configure it first) and gives the session its own thread pools.
 * Thread-safe: ONNX Runtime runs concurrent {@code run} calls on one session. The caller must not
 * close it while runs are in flight ({@code GraphColorizer} guards this).
 */
public final class OnnxModel implements LoadedGraph {

    private final OrtEnvironment env;
    private final OrtSession session;
    private final ModelCard card;
    private final String device;
    private final String fallbackReason;
    private final String sha256;
    private final Map<String, long[]> inputShapes;

    private OnnxModel(
            OrtEnvironment env,
            OrtSession session,
            ModelCard card,
            String device,
            String fallbackReason,
            String sha256,
            Map<String, long[]> inputShapes) {
        this.env = env;
        this.session = session;
        this.card = card;
        this.device = device;
        this.fallbackReason = fallbackReason;
        this.sha256 = sha256;
        this.inputShapes = inputShapes;
    }

    /**
     * Loads a verified model on the requested device and checks it against its card.
     *
     * @param model the verified model
     * @param spec where to run
     * @param threads intra-op threads for this session
     * @return the loaded model
     * @throws ModelException if the graph is unreadable or breaks the card's contract
     * @throws io.github.colorize.BackendUnavailableException if an explicit CUDA device is unusable, or
     *     ONNX Runtime computes convolutions wrong there ({@link OrtKernelCheck})
     */
    public static OnnxModel open(ResolvedModel model, DeviceSpec spec, int threads) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        boolean cuda = OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
        DeviceSelector<OrtSession> selector = new DeviceSelector<>(
                cuda,
                index -> () -> create(env, model, threads, o -> o.addCUDA(index)),
                () -> create(env, model, threads, o -> {}));
        DeviceSelector.Selected<OrtSession> selected;
        try {
            selected = selector.select(spec);
        } catch (ColorizeException e) {
            throw e;
        } catch (Exception e) {
            throw new ModelException(
                    "model " + model.card().name() + " (" + model.origin() + ") cannot be loaded by ONNX Runtime: "
                            + e.getMessage(),
                    e);
        }
        OrtSession session = selected.session();
        // Closed in finally, not only on the exceptions caught: an Error in the checks (an
        // OutOfMemoryError) must not leak the native session either.
        boolean opened = false;
        try {
            OrtKernelCheck.require(env, selected.device(), threads);
            GraphSignature signature = signature(session);
            ModelCard effective = ContractCheck.check(model.card(), signature, model.origin());
            Map<String, long[]> shapes = new HashMap<>();
            signature.inputs().forEach((k, v) -> shapes.put(k, v.shape()));
            OnnxModel loaded = new OnnxModel(
                    env, session, effective, selected.device(), selected.fallbackReason(), model.sha256(), shapes);
            opened = true;
            return loaded;
        } catch (RuntimeException | OrtException e) {
            if (e instanceof ColorizeException typed) {
                throw typed; // a wrong card, or ONNX Runtime refused by its self-check
            }
            throw new ModelException("model " + model.card().name() + ": cannot read the graph's signature: " + e, e);
        } finally {
            if (!opened) {
                closeQuietly(session);
            }
        }
    }

    private static OrtSession create(OrtEnvironment env, ResolvedModel model, int threads, DeviceOption device)
            throws OrtException {
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setIntraOpNumThreads(threads);
            o.setInterOpNumThreads(1);
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            device.apply(o);
            return model.localFile().isPresent()
                    ? env.createSession(model.file().toString(), o)
                    : env.createSession(model.bytes(), o);
        }
    }

    /** Registers an execution provider on the session options. */
    @FunctionalInterface
    private interface DeviceOption {
        void apply(OrtSession.SessionOptions options) throws OrtException;
    }

    static GraphSignature signature(OrtSession session) throws OrtException {
        return new GraphSignature(tensors(session.getInputInfo()), tensors(session.getOutputInfo()));
    }

    private static Map<String, GraphSignature.Tensor> tensors(Map<String, NodeInfo> infos) {
        Map<String, GraphSignature.Tensor> out = new LinkedHashMap<>();
        infos.forEach((name, info) -> {
            if (info.getInfo() instanceof TensorInfo t) {
                String type = t.type == OnnxJavaType.FLOAT
                        ? "float32"
                        : t.type == OnnxJavaType.FLOAT16
                                ? "float16"
                                : t.type.name().toLowerCase(java.util.Locale.ROOT);
                out.put(name, new GraphSignature.Tensor(type, t.getShape()));
            } else {
                out.put(name, new GraphSignature.Tensor("non-tensor", new long[0]));
            }
        });
        return out;
    }

    /**
     * The card as checked against the graph (fixed sizing when the graph is fixed).
     *
     * @return the effective card
     */
    @Override
    public ModelCard card() {
        return card;
    }

    /**
     * Where the session runs.
     *
     * @return {@code cpu} or {@code cuda:N}
     */
    @Override
    public String device() {
        return device;
    }

    /**
     * Why {@code auto} chose the CPU.
     *
     * @return the reason, if it fell back
     */
    public Optional<String> fallbackReason() {
        return Optional.ofNullable(fallbackReason);
    }

    /**
     * The SHA-256 of the loaded file.
     *
     * @return 64 hex digits
     */
    @Override
    public String sha256() {
        return sha256;
    }

    /**
     * Runs the graph.
     *
     * @param inputs tensors by input name; auxiliary inputs may be left out (zeros)
     * @return the card's output tensor, widened to float32
     * @throws ModelException naming the model when the runtime refuses the input
     */
    @Override
    public Tensor run(Map<String, Tensor> inputs) {
        Map<String, OnnxTensor> feed = new LinkedHashMap<>();
        try {
            Tensor main = inputs.get(card.inputName());
            if (main == null) {
                throw new IllegalArgumentException("no tensor for input '" + card.inputName() + "'");
            }
            for (String name : card.inputNames()) {
                Tensor t = inputs.get(name);
                feed.put(name, toOrt(t == null ? zeros(name, main.shape()) : t));
            }
            try (OrtSession.Result result = session.run(feed)) {
                Optional<OnnxValue> value = result.get(card.outputName());
                if (value.isEmpty() || !(value.get() instanceof OnnxTensor out)) {
                    throw new ModelException(
                            "model " + card.name() + " returned no tensor '" + card.outputName() + "'");
                }
                return fromOrt(card.outputName(), out);
            }
        } catch (OrtException e) {
            throw new ModelException("model " + card.name() + ": ONNX Runtime failed: " + e.getMessage(), e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    private Tensor zeros(String name, long[] mainShape) {
        long[] declared = inputShapes.get(name);
        long channels = declared != null && declared.length == 4 ? declared[1] : -1;
        if (channels <= 0) {
            throw new ModelException("model " + card.name() + ": input '" + name
                    + "' has no fixed channel count, so it cannot be filled with zeros");
        }
        return Tensor.zeros(name, 1, channels, mainShape[2], mainShape[3]);
    }

    private OnnxTensor toOrt(Tensor t) throws OrtException {
        if (card.dtype() == ModelCard.TensorType.FLOAT16) {
            return OnnxTensor.createTensor(
                    env, ShortBuffer.wrap(Float16.fromFloats(t.data())), t.shape(), OnnxJavaType.FLOAT16);
        }
        return OnnxTensor.createTensor(env, FloatBuffer.wrap(t.data()), t.shape());
    }

    private static Tensor fromOrt(String name, OnnxTensor out) {
        TensorInfo info = out.getInfo();
        long[] shape = info.getShape();
        if (info.type == OnnxJavaType.FLOAT16) {
            ShortBuffer b = out.getShortBuffer();
            short[] halves = new short[b.remaining()];
            b.get(halves);
            return new Tensor(name, shape, Float16.toFloats(halves));
        }
        FloatBuffer b = out.getFloatBuffer();
        float[] data = new float[b.remaining()];
        b.get(data);
        return new Tensor(name, shape, data);
    }

    /** Closes the session. Not thread-safe against running calls; see the class comment. */
    @Override
    public void close() {
        closeQuietly(session);
    }

    private static void closeQuietly(OrtSession s) {
        try {
            s.close();
        } catch (OrtException e) {
            org.slf4j.LoggerFactory.getLogger(OnnxModel.class)
                    .warn("closing an ONNX Runtime session failed: {}", e.toString());
        }
    }
}
