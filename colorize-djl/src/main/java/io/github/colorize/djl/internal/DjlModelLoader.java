package io.github.colorize.djl.internal;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import io.github.colorize.BackendUnavailableException;
import io.github.colorize.ColorizeException;
import io.github.colorize.ModelCard;
import io.github.colorize.ModelException;
import io.github.colorize.ModelSource;
import io.github.colorize.internal.backend.ContractCheck;
import io.github.colorize.internal.backend.DeviceSpec;
import io.github.colorize.internal.backend.GraphSignature;
import io.github.colorize.internal.io.Sha256;
import io.github.colorize.internal.model.ModelResolver;
import io.github.colorize.internal.model.ResolvedModel;
import io.github.colorize.internal.pipeline.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Loads a verified model with DJL {@code Criteria} on the planned engine and the requested device: a
 * local file (including URL models, which colorize has downloaded and verified into its cache) through
 * {@code optModelPath}, a class-path resource (the bundled model) through DJL's {@code jar://}
 * repository, which copies it once into DJL's cache (one entry per content hash), where its hash is
 * checked again. ONNX graphs are
 * checked against their card before loading (the shared {@link ContractCheck} on the declared
 * signature); TorchScript modules declare nothing, so {@link ContractProbe} runs them once instead. Before
 * either, {@link DjlKernelCheck} makes sure the engine convolves right on this CPU or GPU.
 * Static and thread-safe.
 */
public final class DjlModelLoader {

    private DjlModelLoader() {}

    /**
     * A loaded graph and, when {@code auto} chose the CPU, why.
     *
     * @param graph the graph
     * @param fallbackReason why a GPU was not used, or null
     */
    public record Loaded(DjlGraph graph, String fallbackReason) {
        /**
         * The reason, if {@code auto} fell back.
         *
         * @return the reason
         */
        public Optional<String> fallback() {
            return Optional.ofNullable(fallbackReason);
        }
    }

    /**
     * Loads and checks the model.
     *
     * @param engineKind the engine
     * @param model the verified model
     * @param spec the device setting
     * @param threads intra-op threads (ONNX Runtime engine; PyTorch uses DJL's global setting)
     * @return the graph
     * @throws BackendUnavailableException if the engine cannot start, an explicit CUDA device is
     *     unusable, or the engine computes convolutions wrong here
     * @throws ModelException if the file is unreadable or breaks its card's contract
     */
    public static Loaded load(EngineKind engineKind, ResolvedModel model, DeviceSpec spec, int threads) {
        Engine engine = DjlEngines.start(engineKind);
        ModelCard card = engineKind == EngineKind.ONNX_RUNTIME
                ? ContractCheck.check(model.card(), signature(model), model.origin())
                : model.card();
        DjlDeviceChoice choice = new DjlDeviceChoice(engineKind, cudaPossible(engineKind, engine, spec));
        DjlDeviceChoice.Chosen<ZooModel<TensorTranslator.Feed, Tensor>> chosen;
        try {
            chosen = choice.select(spec, device -> criteria(engineKind, card, model, device, threads));
        } catch (Exception e) {
            throw loadFailure(model, engineKind, e);
        }
        ZooModel<TensorTranslator.Feed, Tensor> zoo = chosen.value();
        try {
            DjlKernelCheck.require(engineKind, engine, chosen.label(), threads);
            verifyCopy(model, zoo);
            DjlGraph graph = new DjlGraph(zoo, card, engineKind, chosen.label(), model.sha256(), model.origin());
            if (engineKind == EngineKind.PYTORCH) {
                ContractProbe.check(graph);
            }
            return new Loaded(graph, chosen.fallbackReason());
        } catch (Throwable t) {
            // Errors too, not only RuntimeException: an OutOfMemoryError in the checks must not leak the
            // native model. A failure to close rides along on the original, which is what the caller sees.
            try {
                zoo.close();
            } catch (RuntimeException closing) {
                t.addSuppressed(closing);
            }
            throw t;
        }
    }

    private static Optional<String> cudaPossible(EngineKind kind, Engine engine, DeviceSpec spec) {
        if (spec.kind() == DeviceSpec.Kind.CPU) {
            return Optional.of("device=cpu");
        }
        if (kind == EngineKind.ONNX_RUNTIME) {
            return OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)
                    ? Optional.empty()
                    : Optional.of("this ONNX Runtime build is CPU-only (swap com.microsoft.onnxruntime:onnxruntime"
                            + " for onnxruntime_gpu, see the colorize-djl README)");
        }
        int gpus = engine.getGpuCount();
        if (gpus > spec.index()) {
            return Optional.empty();
        }
        return Optional.of(
                gpus == 0
                        ? "DJL's PyTorch natives here are CPU-only or no CUDA device is visible (point"
                                + " PYTORCH_LIBRARY_PATH at a CUDA 12.8 libtorch 2.7.1 and set PYTORCH_FLAVOR=cu128;"
                                + " see the colorize-djl README)"
                        : "PyTorch sees " + gpus + " CUDA device(s), so there is no " + spec.cudaLabel());
    }

    private static ZooModel<TensorTranslator.Feed, Tensor> criteria(
            EngineKind kind, ModelCard card, ResolvedModel model, Device device, int threads) throws Exception {
        Criteria.Builder<TensorTranslator.Feed, Tensor> b = Criteria.builder()
                .setTypes(TensorTranslator.Feed.class, Tensor.class)
                .optEngine(kind.djlName())
                .optDevice(device)
                .optTranslator(new TensorTranslator(card, kind));
        if (kind == EngineKind.ONNX_RUNTIME) {
            b.optOption("intraOpNumThreads", Integer.toString(threads))
                    .optOption("interOpNumThreads", "1")
                    .optOption("optLevel", "ALL_OPT");
        }
        Optional<Path> file = model.localFile();
        if (file.isPresent()) {
            return b.optModelPath(file.get()).build().loadModel();
        }
        String resource = ((ModelSource.Resource) card.source()).name();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader seeing = resourceLoader(resource, context);
        // DJL's jar:// repository looks resources up through the context class loader. It caches the copy
        // under a hash of the URL, not of the content: the query makes a new file (a new colorize-model)
        // a new cache entry instead of a stale hit.
        Thread.currentThread().setContextClassLoader(seeing);
        try {
            return b.optModelUrls("jar:///" + resource + "?sha256=" + model.sha256())
                    .build()
                    .loadModel();
        } finally {
            Thread.currentThread().setContextClassLoader(context);
        }
    }

    private static ClassLoader resourceLoader(String resource, ClassLoader context) {
        if (context != null && context.getResource(resource) != null) {
            return context;
        }
        return ModelResolver.defaultLoaders().stream()
                .filter(l -> l.getResource(resource) != null)
                .findFirst()
                .orElse(context);
    }

    private static GraphSignature signature(ResolvedModel model) {
        try {
            return model.localFile().isPresent()
                    ? OnnxSignatureReader.read(model.file())
                    : OnnxSignatureReader.read(model.bytes());
        } catch (IOException e) {
            throw new ModelException(
                    "model " + model.card().name() + " (" + model.origin() + ") is not a readable ONNX graph: "
                            + e.getMessage(),
                    e);
        }
    }

    /** DJL copied a class-path model into its cache: make sure the copy is the verified file. */
    private static void verifyCopy(ResolvedModel model, ZooModel<?, ?> zoo) {
        if (model.localFile().isPresent() || zoo.getModelPath() == null) {
            return;
        }
        Path copy = zoo.getModelPath().resolve(model.card().source().fileName());
        if (!Files.isRegularFile(copy)) {
            return;
        }
        String actual = Sha256.of(copy);
        if (!actual.equals(model.sha256())) {
            throw new ModelException("model " + model.card().name() + ": DJL's cached copy " + copy + " has SHA-256 "
                    + actual + " but " + model.origin() + " has " + model.sha256() + "; delete "
                    + zoo.getModelPath() + " and try again");
        }
    }

    /** Maps loading failures to the library's errors. */
    static ColorizeException loadFailure(ResolvedModel model, EngineKind kind, Exception e) {
        if (e instanceof ColorizeException ce) {
            return ce;
        }
        String what =
                e instanceof ModelNotFoundException || e instanceof MalformedModelException || e instanceof IOException
                        ? "cannot be loaded"
                        : "failed to load";
        return new ModelException(
                "model " + model.card().name() + " (" + model.origin() + ") " + what + " by DJL's " + kind.djlName()
                        + " engine: " + DjlEngines.rootMessage(e),
                e);
    }
}
