package io.github.colorize.djl.internal;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import io.github.colorize.ColorizeException;
import io.github.colorize.ModelCard;
import io.github.colorize.ModelException;
import io.github.colorize.internal.backend.LoadedGraph;
import io.github.colorize.internal.pipeline.Tensor;
import java.util.Map;
import java.util.Objects;

/**
 * A model loaded through DJL {@code Criteria} on one engine and device. The {@link ZooModel} is shared;
 * each run gets its own {@link Predictor} (DJL predictors are not thread-safe, models are), whose
 * arrays are freed when the run ends. Thread-safe; {@link #close} must not race with runs ({@code
 * GraphColorizer} guards this).
 */
public final class DjlGraph implements LoadedGraph {

    private final ZooModel<TensorTranslator.Feed, Tensor> model;
    private final ModelCard card;
    private final EngineKind engine;
    private final String device;
    private final String sha256;
    private final String origin;

    DjlGraph(
            ZooModel<TensorTranslator.Feed, Tensor> model,
            ModelCard card,
            EngineKind engine,
            String device,
            String sha256,
            String origin) {
        this.model = Objects.requireNonNull(model, "model");
        this.card = Objects.requireNonNull(card, "card");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.device = Objects.requireNonNull(device, "device");
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public String sha256() {
        return sha256;
    }

    @Override
    public String device() {
        return device;
    }

    /**
     * The DJL engine running the graph.
     *
     * @return the engine
     */
    public EngineKind engine() {
        return engine;
    }

    /**
     * Where the model file came from, for messages.
     *
     * @return a description without credentials
     */
    public String origin() {
        return origin;
    }

    @Override
    public Tensor run(Map<String, Tensor> inputs) {
        try (Predictor<TensorTranslator.Feed, Tensor> predictor = model.newPredictor()) {
            return predictor.predict(new TensorTranslator.Feed(inputs));
        } catch (TranslateException | RuntimeException e) {
            // The translator's own typed errors (a missing input, a wrong output) pass through DJL wrapped.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ColorizeException typed) {
                    throw typed;
                }
            }
            throw new ModelException(
                    "model " + card.name() + " (" + origin + "): DJL's " + engine.djlName() + " engine failed: "
                            + DjlEngines.rootMessage(e),
                    e);
        }
    }

    @Override
    public void close() {
        model.close();
    }

    @Override
    public String toString() {
        return "DjlGraph[" + card.name() + " on " + engine.djlName() + ", " + device + "]";
    }
}
