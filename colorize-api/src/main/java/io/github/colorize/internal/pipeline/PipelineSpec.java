package io.github.colorize.internal.pipeline;

import io.github.colorize.PostProcessing;
import java.util.List;
import java.util.Objects;

/**
 * The graph facts a {@link ColorPipeline} needs, usually taken from a {@link io.github.colorize.ModelCard}
 * by {@link Pipelines#forCard}. Immutable and thread-safe.
 *
 * @param sizes which input sizes the graph accepts
 * @param outputScale how many times smaller than its input the graph's output is (1 = same size)
 * @param inputName the main input's name
 * @param auxiliaryInputs further inputs, all zeros in automatic mode (SIGGRAPH17's hint and mask)
 * @param defaultMode what {@link PostProcessing#MODEL_DEFAULT} means for this model; never {@code
 *     MODEL_DEFAULT} itself
 */
public record PipelineSpec(
        SizeRule sizes, int outputScale, String inputName, List<String> auxiliaryInputs, PostProcessing defaultMode) {

    /**
     * Checks the values and copies the list.
     *
     * @throws IllegalArgumentException if the scale is not positive or the default mode is {@code
     *     MODEL_DEFAULT}
     */
    public PipelineSpec {
        Objects.requireNonNull(sizes, "sizes");
        Objects.requireNonNull(inputName, "inputName");
        Objects.requireNonNull(defaultMode, "defaultMode");
        auxiliaryInputs = List.copyOf(auxiliaryInputs);
        if (outputScale < 1) {
            throw new IllegalArgumentException("outputScale must be at least 1, got " + outputScale);
        }
        if (defaultMode == PostProcessing.MODEL_DEFAULT) {
            throw new IllegalArgumentException("the default post-processing must be a concrete mode");
        }
    }

    /**
     * A single-input graph whose output has the input's size.
     *
     * @param sizes the sizes
     * @param inputName the input name
     * @param defaultMode the default post-processing
     * @return the spec
     */
    public static PipelineSpec of(SizeRule sizes, String inputName, PostProcessing defaultMode) {
        return new PipelineSpec(sizes, 1, inputName, List.of(), defaultMode);
    }

    /**
     * The same spec with another output scale.
     *
     * @param scale how many times smaller the output is
     * @return the spec
     */
    public PipelineSpec withOutputScale(int scale) {
        return new PipelineSpec(sizes, scale, inputName, auxiliaryInputs, defaultMode);
    }

    /**
     * The same spec with auxiliary inputs.
     *
     * @param names their names
     * @return the spec
     */
    public PipelineSpec withAuxiliaryInputs(List<String> names) {
        return new PipelineSpec(sizes, outputScale, inputName, names, defaultMode);
    }

    /** {@code mode}, with {@code MODEL_DEFAULT} replaced by this model's default. */
    PostProcessing resolve(PostProcessing mode) {
        return mode == PostProcessing.MODEL_DEFAULT ? defaultMode : mode;
    }

    /** {@code {w, h}} the output must have for a model input of {@code mw × mh}. */
    int[] outputSize(int mw, int mh) {
        return new int[] {mw / outputScale, mh / outputScale};
    }
}
