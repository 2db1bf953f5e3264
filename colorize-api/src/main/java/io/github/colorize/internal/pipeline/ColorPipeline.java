package io.github.colorize.internal.pipeline;

import io.github.colorize.PostProcessing;

/**
 * The pre- and post-processing around one model family: photo to input tensor(s), output tensor to
 * photo. Backend-neutral: only {@link Tensor}s cross into the inference runtime.
 *
 * <p>Implementations are stateless and thread-safe; one instance serves every photo of a model.
 */
public interface ColorPipeline {

    /**
     * Builds the model input for one photo.
     *
     * @param rgb the photo, packed {@code 0xRRGGBB} row-major (alpha ignored); kept by reference in the
     *     result and never modified
     * @param w the width
     * @param h the height
     * @param renderFactor the render factor (model side {@code 16 × factor} for square models, area
     *     {@code (16 × factor)²} for aspect-keeping ones); must be positive
     * @param fidelity the fidelity
     * @return the input tensor(s) and what {@link #finish} needs
     * @throws IllegalArgumentException if the factor is not positive, the sizes do not match, or (in
     *     {@link Fidelity#REFERENCE}) the graph cannot run this factor
     */
    Prepared prepare(int[] rgb, int w, int h, int renderFactor, Fidelity fidelity);

    /**
     * Turns the model output into the colourised photo.
     *
     * @param prepared what {@link #prepare} returned for this photo
     * @param output the model's output tensor
     * @param chromaStrength multiplies the predicted chroma, 0 to 2 (1 = as predicted)
     * @param mode how model colours and the original are combined
     * @return the colourised photo, packed RGB at the original width × height (a new array)
     * @throws io.github.colorize.ModelException if the output does not have the shape the card promises
     */
    int[] finish(Prepared prepared, Tensor output, float chromaStrength, PostProcessing mode);
}
