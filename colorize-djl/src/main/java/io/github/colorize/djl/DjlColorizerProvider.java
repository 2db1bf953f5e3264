package io.github.colorize.djl;

import io.github.colorize.BackendConfig;
import io.github.colorize.BackendUnavailableException;
import io.github.colorize.Colorizer;
import io.github.colorize.djl.internal.DjlEngines;
import io.github.colorize.djl.internal.DjlKernelCheck;
import io.github.colorize.djl.internal.DjlModelLoader;
import io.github.colorize.djl.internal.DjlSwitches;
import io.github.colorize.djl.internal.EngineKind;
import io.github.colorize.djl.internal.ModelPlan;
import io.github.colorize.internal.backend.BackendSettings;
import io.github.colorize.internal.backend.GraphColorizer;
import io.github.colorize.internal.backend.KernelSelfCheck;
import io.github.colorize.internal.backend.LoggingProgress;
import io.github.colorize.internal.backend.ModelSelection;
import io.github.colorize.internal.model.ModelResolver;
import io.github.colorize.internal.model.ResolvedModel;
import io.github.colorize.internal.pipeline.Pipelines;
import io.github.colorize.spi.Availability;
import io.github.colorize.spi.ColorizerProvider;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code djl} backend: colourises locally through Deep Java Library 0.35.1, running ONNX graphs on
 * DJL's OnnxRuntime engine and TorchScript files on its PyTorch engine, with the same model cards and
 * colour pipelines as the {@code onnx} backend (so the same model gives the same photo). Settings:
 * {@code model}, {@code card}, {@code sha256}, {@code engine} ({@code auto}, {@code onnxruntime},
 * {@code pytorch}), {@code device} ({@code auto}, {@code cpu}, {@code cuda}, {@code cuda:N}), {@code
 * fidelity} ({@code default}, {@code reference}), {@code threads}; see the module's README.
 *
 * <p>Keeps DJL offline: before it first touches DJL's engine classes it sets {@code ai.djl.offline},
 * {@code OPT_OUT_TRACKING} and {@code ai.djl.onnx.disable_alternative} to {@code true} unless the user
 * has set them. The ONNX Runtime environment is one per process: when {@code colorize-onnx} (or other
 * code) created it first, DJL's OnnxRuntime engine cannot start, and {@link #create} says so with a
 * {@link BackendUnavailableException} (create DJL colorizers first, or keep one ONNX backend per JVM).
 *
 * <p>Every engine and device is self-checked once per JVM when a model first loads on it: it must compute
 * a few known convolutions right (libtorch 2.7.1's oneDNN does not on AVX-512 AMD EPYC CPUs). A wrong
 * PyTorch CPU engine gets oneDNN's convolutions turned off and is checked again; a runtime still wrong is
 * refused with a {@link BackendUnavailableException} naming the problem and the remedy.
 *
 * <p>Found by {@link java.util.ServiceLoader}; construction and {@link #availability} are cheap and
 * load no native code: class-presence checks, setting parsing, model-file lookups and the self-check's
 * outcome if this JVM has one. Priority
 * 200, below {@code onnx} (300), the default local backend. Thread-safe and stateless.
 */
public final class DjlColorizerProvider implements ColorizerProvider {

    /** The backend name. */
    public static final String NAME = "djl";

    private static final Logger LOG = LoggerFactory.getLogger(DjlColorizerProvider.class);
    private static final String DJL_CLASS = "ai.djl.engine.Engine";
    private static final String PYTORCH_NATIVES = "native/lib/pytorch.properties";

    /** Creates the provider; does nothing else. */
    public DjlColorizerProvider() {}

    @Override
    public String name() {
        return NAME;
    }

    /** Below {@code onnx} (300): ONNX Runtime directly is the default local backend. */
    @Override
    public int priority() {
        return 200;
    }

    @Override
    public String artifact() {
        return "io.github.colorize:colorize-djl";
    }

    @Override
    public String description() {
        return "Deep Java Library 0.35.1: ONNX graphs on its OnnxRuntime engine, TorchScript on its PyTorch engine;"
                + " bundled model by default";
    }

    @Override
    public Availability availability(BackendConfig config) {
        ClassLoader loader = DjlColorizerProvider.class.getClassLoader();
        if (!present(DJL_CLASS, loader)) {
            return Availability.unavailable("Deep Java Library is not on the class path (add ai.djl:api 0.35.1)");
        }
        Optional<String> bad = BackendSettings.problem(config);
        if (bad.isPresent()) {
            return Availability.unavailable(bad.get());
        }
        ModelResolver resolver = ModelResolver.defaults();
        Optional<String> missing = ModelPlan.problem(config, resolver);
        if (missing.isPresent()) {
            return Availability.unavailable(missing.get());
        }
        EngineKind engine = ModelPlan.expectedEngine(config);
        Optional<String> engineProblem = engineProblem(engine, loader, resolver);
        if (engineProblem.isPresent()) {
            return Availability.unavailable(engineProblem.get());
        }
        String ready = "DJL " + engine.djlName() + " engine, model " + ModelSelection.printable(config) + ", device "
                + config.device();
        return KernelSelfCheck.availability(DjlKernelCheck.runtime(engine), BackendSettings.device(config), ready);
    }

    private static Optional<String> engineProblem(EngineKind kind, ClassLoader loader, ModelResolver resolver) {
        if (!present(kind.providerClass(), loader)) {
            return Optional.of("DJL's " + kind.djlName() + " engine is not on the class path (add "
                    + (kind == EngineKind.ONNX_RUNTIME
                            ? "ai.djl.onnxruntime:onnxruntime-engine"
                            : "ai.djl.pytorch:pytorch-engine")
                    + " 0.35.1)");
        }
        Optional<String> failed = DjlEngines.knownFailure(kind);
        if (failed.isPresent()) {
            return failed;
        }
        if (kind == EngineKind.PYTORCH
                && resolver.findResource(PYTORCH_NATIVES).isEmpty()
                && System.getenv("PYTORCH_LIBRARY_PATH") == null
                && DjlSwitches.offline()) {
            return Optional.of("DJL's PyTorch engine has no native library here: add"
                    + " ai.djl.pytorch:pytorch-native-cpu:2.7.1 with your platform's classifier (runtime scope), or set"
                    + " PYTORCH_LIBRARY_PATH to a libtorch 2.7.1 (a CUDA build for GPUs)");
        }
        return Optional.empty();
    }

    private static boolean present(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public Colorizer create(BackendConfig config) {
        BackendSettings.problem(config).ifPresent(p -> {
            throw new BackendUnavailableException(NAME, p);
        });
        ModelPlan plan;
        try {
            plan = ModelPlan.of(config);
        } catch (IllegalArgumentException e) {
            throw new BackendUnavailableException(NAME, e.getMessage(), e);
        }
        ResolvedModel resolved = ModelResolver.defaults()
                .resolve(plan.card(), new LoggingProgress(plan.card().name()));
        DjlModelLoader.Loaded loaded = DjlModelLoader.load(
                plan.engine(), resolved, BackendSettings.device(config), BackendSettings.threads(config));
        loaded.fallback()
                .ifPresent(why -> LOG.info(
                        "djl: device auto uses the CPU for {} on {}: {}",
                        plan.card().name(),
                        plan.engine().djlName(),
                        why));
        try {
            return new GraphColorizer(
                    NAME, loaded.graph(), Pipelines.forCard(loaded.graph().card()), BackendSettings.fidelity(config));
        } catch (RuntimeException e) {
            loaded.graph().close();
            throw e;
        }
    }
}
