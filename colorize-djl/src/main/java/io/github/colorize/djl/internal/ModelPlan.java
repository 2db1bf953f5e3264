package io.github.colorize.djl.internal;

import io.github.colorize.BackendConfig;
import io.github.colorize.ModelCard;
import io.github.colorize.ModelCards;
import io.github.colorize.ModelException;
import io.github.colorize.ModelSource;
import io.github.colorize.internal.backend.ModelSelection;
import io.github.colorize.internal.model.BundledCard;
import io.github.colorize.internal.model.ModelResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.Properties;

/**
 * Which card and which DJL engine a configuration runs: the card comes from the shared {@link
 * ModelSelection} (bundled model, card name, card file, model file or URL), the engine from the {@value
 * EngineKind#SETTING} setting or else from the model file (name, then content). The bundled model runs
 * on either engine: {@code engine=pytorch} swaps its ONNX file for its TorchScript export. Static and
 * thread-safe.
 *
 * @param card the card, its source pointing at the file the engine loads
 * @param engine the engine
 */
public record ModelPlan(ModelCard card, EngineKind engine) {

    /**
     * Decides, registering card files on the way (as {@link ModelSelection#select} does).
     *
     * @param config the settings
     * @return the plan
     * @throws ModelException if the model or the engine setting cannot work
     * @throws IllegalArgumentException if the engine setting is malformed
     */
    public static ModelPlan of(BackendConfig config) {
        Optional<EngineKind> requested = EngineKind.parse(config.get(EngineKind.SETTING, "auto"));
        ModelCard card = ModelSelection.select(config);
        EngineKind fileEngine = engineOfFile(card.source());
        EngineKind engine = requested.orElse(fileEngine);
        if (engine == fileEngine) {
            return new ModelPlan(card, engine);
        }
        if (engine == EngineKind.PYTORCH && isBundledOnnx(card)) {
            return new ModelPlan(bundledTorchScript(card), engine);
        }
        throw new ModelException(mismatch(card, engine));
    }

    /**
     * What stops a configuration, decided without loading anything or creating any file: for
     * availability probes.
     *
     * @param config the settings
     * @param resolver looks up resources and cache locations
     * @return empty if a model is there for the engine, else why not
     */
    public static Optional<String> problem(BackendConfig config, ModelResolver resolver) {
        Optional<EngineKind> requested;
        try {
            requested = EngineKind.parse(config.get(EngineKind.SETTING, "auto"));
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        String model = config.model().map(String::trim).orElse("");
        Optional<ModelCard> card = model.isEmpty() ? ModelCards.find(ModelCards.bundledName()) : ModelCards.find(model);
        if (requested.orElse(null) == EngineKind.PYTORCH && card.isPresent() && isBundledOnnx(card.get())) {
            String resource = BundledCard.DIRECTORY + torchScriptFileName();
            return resolver.findResource(resource).isPresent()
                    ? Optional.empty()
                    : Optional.of("model " + card.get().name() + ": its TorchScript export " + resource
                            + " is not on the class path (add io.github.colorize:colorize-model)");
        }
        if (requested.isPresent() && card.isPresent()) {
            EngineKind fileEngine =
                    EngineKind.fromFileName(card.get().source().fileName()).orElse(EngineKind.ONNX_RUNTIME);
            if (fileEngine != requested.get()) {
                return Optional.of(mismatch(card.get(), requested.get()));
            }
        }
        // Card files and bare files are read by create(); their engine is checked there.
        return ModelSelection.problem(config, resolver);
    }

    /**
     * The engine a configuration will most likely use, decided without any I/O: the {@value
     * EngineKind#SETTING} setting, else the model file's name (a card's file, a path or a URL), else
     * OnnxRuntime. {@link #of} decides for certain (it also reads an unnamed file's first bytes).
     *
     * @param config the settings, already checked by {@link #problem}
     * @return the engine
     */
    public static EngineKind expectedEngine(BackendConfig config) {
        Optional<EngineKind> requested = EngineKind.parse(config.get(EngineKind.SETTING, "auto"));
        if (requested.isPresent()) {
            return requested.get();
        }
        String model = config.model().map(String::trim).orElse("");
        Optional<ModelCard> card = model.isEmpty() ? ModelCards.find(ModelCards.bundledName()) : ModelCards.find(model);
        String fileName = card.map(c -> c.source().fileName()).orElseGet(() -> urlFileName(model));
        return EngineKind.fromFileName(fileName).orElse(EngineKind.ONNX_RUNTIME);
    }

    /** A URL's file name is the last segment of its path: a signed URL ends in its query, not ".pt". */
    private static String urlFileName(String model) {
        if (!model.regionMatches(true, 0, "http://", 0, 7) && !model.regionMatches(true, 0, "https://", 0, 8)) {
            return model;
        }
        try {
            String path = java.net.URI.create(model).getPath();
            return path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        } catch (IllegalArgumentException e) {
            return model; // problem() reports the malformed URL
        }
    }

    private static EngineKind engineOfFile(ModelSource source) {
        Optional<EngineKind> byName = EngineKind.fromFileName(source.fileName());
        if (byName.isPresent()) {
            return byName.get();
        }
        if (source instanceof ModelSource.File f && Files.isRegularFile(f.path())) {
            try {
                return EngineKind.fromContent(f.path());
            } catch (IOException e) {
                throw new ModelException("model file " + f.path() + " cannot be read: " + e.getMessage(), e);
            }
        }
        return EngineKind.ONNX_RUNTIME;
    }

    private static boolean isBundledOnnx(ModelCard card) {
        return card.source() instanceof ModelSource.Resource r
                && r.name().startsWith(BundledCard.DIRECTORY)
                && r.name().endsWith(".onnx");
    }

    private static String mismatch(ModelCard card, EngineKind engine) {
        String file = card.source().fileName();
        return engine == EngineKind.PYTORCH
                ? "model " + card.name() + " (" + file + ") is an ONNX graph, but engine=pytorch runs TorchScript"
                        + " files: set model= to its TorchScript export (.pt) with card=" + card.name()
                        + ", or use engine=onnxruntime"
                : "model " + card.name() + " (" + file + ") is a TorchScript file, but engine=onnxruntime runs"
                        + " ONNX graphs: use engine=pytorch (or auto)";
    }

    /**
     * The bundled card pointing at its TorchScript export, with that file's hash when the bundled
     * properties give it.
     */
    private static ModelCard bundledTorchScript(ModelCard onnxCard) {
        Properties p = bundledProperties();
        String file =
                p.getProperty("torchscript.file", BundledCard.TORCHSCRIPT_FILE).trim();
        String sha = p.getProperty("torchscript.sha256");
        return onnxCard.toBuilder()
                .source(ModelSource.resource(BundledCard.DIRECTORY + file))
                .sha256(sha == null || sha.isBlank() ? null : sha.trim())
                .build();
    }

    private static String torchScriptFileName() {
        return bundledProperties()
                .getProperty("torchscript.file", BundledCard.TORCHSCRIPT_FILE)
                .trim();
    }

    private static Properties bundledProperties() {
        try {
            // Without the card file (not bundled yet): the default file name, hash unknown.
            return BundledCard.readProperties(ModelResolver.defaults()).orElseGet(Properties::new);
        } catch (IOException e) {
            throw new ModelException("the bundled model card " + BundledCard.PROPERTIES + " cannot be read: " + e, e);
        }
    }
}
