package io.github.colorize.internal.pipeline;

import io.github.colorize.ModelCard;
import io.github.colorize.ModelException;
import io.github.colorize.PipelineId;

/**
 * The colour pipelines by model family. Every pipeline returned is stateless and thread-safe; this class
 * holds no state.
 */
public final class Pipelines {

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
     * The pipeline for an id.
     *
     * @param pipelineId the pipeline
     * @param spec the graph's sizes, names and default post-processing
     * @return the pipeline
     * @throws IllegalArgumentException for a spec the family cannot work with (extra inputs for a
     *     single-input family, an output scale other than 1 for per-pixel families)
     */
    public static ColorPipeline forId(PipelineId pipelineId, PipelineSpec spec) {
        return switch (pipelineId) {
            case DEOLDIFY -> new DeOldifyPipeline(DeOldifyContract.NORMALISED, spec);
            case DEOLDIFY_255 -> new DeOldifyPipeline(DeOldifyContract.BYTE_RANGE, spec);
            case DDCOLOR -> new DdColorPipeline(spec);
            case ECCV16 -> new RichZhangPipeline(false, spec);
            case SIGGRAPH17 -> new RichZhangPipeline(true, spec);
            case COLORIZE_CHROMA -> new ChromaModelPipeline(spec);
        };
    }
}
