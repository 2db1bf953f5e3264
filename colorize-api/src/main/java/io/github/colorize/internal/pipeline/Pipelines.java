package io.github.colorize.internal.pipeline;

import io.github.colorize.ModelCard;
import io.github.colorize.ModelException;
import java.util.Locale;

/**
 * The colour pipelines by model family. Every pipeline returned is stateless and thread-safe; this class
 * holds no state.
 */
public final class Pipelines {

    /** Raw DeOldify generator: normalised space in and out (same id as the model card's). */
    public static final String DEOLDIFY = "deoldify";
    /** DeOldify graph with the scaling baked in: 0–255 in and out. */
    public static final String DEOLDIFY_255 = "deoldify-255";
    /** DDColor. */
    public static final String DDCOLOR = "ddcolor";
    /** ECCV16. */
    public static final String ECCV16 = "eccv16";
    /** SIGGRAPH17 in automatic mode. */
    public static final String SIGGRAPH17 = "siggraph17";
    /** The project's chroma model. */
    public static final String COLORIZE_CHROMA = "colorize-chroma";

    private Pipelines() {}

    /**
     * The pipeline a model card names, configured from the card's sizing, tensor names and default
     * post-processing.
     *
     * @param card the card
     * @return the pipeline
     * @throws ModelException naming the card if its pipeline id is unknown or its sizing, output scale or
     *     inputs do not fit the family
     */
    public static ColorPipeline forCard(ModelCard card) {
        try {
            return forId(card.pipeline(), specFor(card));
        } catch (IllegalArgumentException e) {
            throw new ModelException("model card '" + card.name() + "': " + e.getMessage(), e);
        }
    }

    /**
     * The graph facts of a card as a {@link PipelineSpec}.
     *
     * @param card the card
     * @return the spec
     */
    public static PipelineSpec specFor(ModelCard card) {
        ModelCard.Sizing sizing = card.sizing();
        SizeRule rule = switch (sizing.kind()) {
            case FIXED_SQUARE -> new SizeRule.FixedSquare(sizing.side());
            case RENDER_FACTOR_SQUARE -> new SizeRule.RenderFactorSquare(sizing.multiple());
            case RENDER_FACTOR_AREA -> new SizeRule.AspectArea(sizing.multiple());
        };
        return new PipelineSpec(
                rule, sizing.outputScale(), card.inputName(), card.auxiliaryInputs(), card.postProcessing());
    }

    /**
     * The pipeline with a card's pipeline id.
     *
     * @param pipelineId one of the ids above, any case
     * @param spec the graph's sizes, names and default post-processing
     * @return the pipeline
     * @throws IllegalArgumentException for an unknown id, or a spec the family cannot work with (extra
     *     inputs for a single-input family, an output scale other than 1 for per-pixel families)
     */
    public static ColorPipeline forId(String pipelineId, PipelineSpec spec) {
        return switch (pipelineId.trim().toLowerCase(Locale.ROOT)) {
            case DEOLDIFY -> new DeOldifyPipeline(DeOldifyContract.NORMALISED, spec);
            case DEOLDIFY_255 -> new DeOldifyPipeline(DeOldifyContract.BYTE_RANGE, spec);
            case DDCOLOR -> new DdColorPipeline(spec);
            case ECCV16 -> new RichZhangPipeline(false, spec);
            case SIGGRAPH17 -> new RichZhangPipeline(true, spec);
            case COLORIZE_CHROMA -> new ChromaModelPipeline(spec);
            default ->
                throw new IllegalArgumentException("unknown colour pipeline '" + pipelineId + "'; known: "
                        + String.join(", ", DEOLDIFY, DEOLDIFY_255, DDCOLOR, ECCV16, SIGGRAPH17, COLORIZE_CHROMA));
        };
    }
}
