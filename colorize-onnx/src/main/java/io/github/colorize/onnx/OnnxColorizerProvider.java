package io.github.colorize.onnx;

import io.github.colorize.BackendConfig;
import io.github.colorize.BackendUnavailableException;
import io.github.colorize.Colorizer;
import io.github.colorize.ModelCard;
import io.github.colorize.internal.backend.BackendSettings;
import io.github.colorize.internal.backend.DeviceSpec;
import io.github.colorize.internal.backend.GraphColorizer;
import io.github.colorize.internal.backend.KernelSelfCheck;
import io.github.colorize.internal.backend.LoggingProgress;
import io.github.colorize.internal.backend.ModelSelection;
import io.github.colorize.internal.model.ModelResolver;
import io.github.colorize.internal.model.ResolvedModel;
import io.github.colorize.internal.pipeline.Fidelity;
import io.github.colorize.internal.pipeline.Pipelines;
import io.github.colorize.onnx.internal.OnnxModel;
import io.github.colorize.spi.Availability;
import io.github.colorize.spi.ColorizerProvider;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code onnx} backend: colourises locally with ONNX Runtime, with the bundled model unless the
 * {@code model} setting names another card, card file, {@code .onnx} file or URL. Settings: {@code
 * model}, {@code card}, {@code sha256}, {@code device} ({@code auto}, {@code cpu}, {@code cuda},
 * {@code cuda:N}), {@code fidelity} ({@code default}, {@code reference}), {@code threads}; see the
 * module's README.
 *
 * <p>Found by {@link java.util.ServiceLoader}; construction and {@link #availability} are cheap and
 * load no native code: availability checks that the ONNX Runtime classes exist (without initialising
 * them), that the settings parse, that the model file or resource is there, and what the convolution
 * self-check found if this JVM has run it. All heavy work (native loading, download, session creation,
 * the self-check) happens in {@link #create}: there ONNX Runtime must compute a few known convolutions
 * right on the chosen device (once per JVM) or the backend is refused. Thread-safe and stateless.
 */
public final class OnnxColorizerProvider implements ColorizerProvider {

    /** The backend name. */
    public static final String NAME = "onnx";
    /** The setting naming the session's intra-op thread count. */
    public static final String THREADS = BackendSettings.THREADS;

    private static final Logger LOG = LoggerFactory.getLogger(OnnxColorizerProvider.class);
    private static final String ORT_CLASS = "ai.onnxruntime.OrtEnvironment";

    /** Creates the provider; does nothing else. */
    public OnnxColorizerProvider() {}

    @Override
    public String name() {
        return NAME;
    }

    /** Local, offline and exact: preferred over DJL (200) and never beaten by remote services. */
    @Override
    public int priority() {
        return 300;
    }

    @Override
    public String artifact() {
        return "io.github.colorize:colorize-onnx";
    }

    @Override
    public String description() {
        return "ONNX Runtime on this machine (CPU, or CUDA with onnxruntime_gpu); bundled model by default";
    }

    @Override
    public Availability availability(BackendConfig config) {
        try {
            Class.forName(ORT_CLASS, false, OnnxColorizerProvider.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return Availability.unavailable("ONNX Runtime is not on the class path (add"
                    + " com.microsoft.onnxruntime:onnxruntime, or onnxruntime_gpu)");
        }
        Optional<String> bad = BackendSettings.problem(config);
        if (bad.isPresent()) {
            return Availability.unavailable(bad.get());
        }
        Optional<String> missing = ModelSelection.problem(config, ModelResolver.defaults());
        if (missing.isPresent()) {
            return Availability.unavailable(missing.get());
        }
        return KernelSelfCheck.availability(
                KernelSelfCheck.ONNX_RUNTIME,
                BackendSettings.device(config),
                "ONNX Runtime, model " + ModelSelection.printable(config) + ", device " + config.device());
    }

    @Override
    public Colorizer create(BackendConfig config) {
        BackendSettings.problem(config).ifPresent(p -> {
            throw new BackendUnavailableException(NAME, p);
        });
        DeviceSpec device = BackendSettings.device(config);
        Fidelity fidelity = BackendSettings.fidelity(config);
        int threads = BackendSettings.threads(config);
        ModelCard card = ModelSelection.select(config);
        ResolvedModel resolved = ModelResolver.defaults().resolve(card, new LoggingProgress(card.name()));
        OnnxModel model = OnnxModel.open(resolved, device, threads);
        model.fallbackReason()
                .ifPresent(why -> LOG.info("onnx: device auto uses the CPU for {}: {}", card.name(), why));
        try {
            return new GraphColorizer(NAME, model, Pipelines.forCard(model.card()), fidelity);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }
}
