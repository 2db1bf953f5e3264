package io.github.colorize.onnx.internal;

import io.github.colorize.PostProcessing;
import java.util.Map;

/**
 * The colour pipeline of one card, seen from the ONNX backend: photo pixels to input tensors, output
 * tensor back to photo pixels. Keeps ONNX Runtime types out of the backend-neutral pipeline and the
 * pipeline's types out of the session code. Implementations are stateless and thread-safe.
 */
public interface ColourPipelineBridge {

    /**
     * The model-ready input of one photo, and what {@link #finish} needs to undo it.
     *
     * @param inputs tensors by graph input name (auxiliary inputs may be absent: they are zeros)
     * @param renderFactor the render factor actually used
     * @param state the pipeline's own record of the preparation, passed back to {@link #finish}
     */
    record Prepared(Map<String, OnnxModel.Tensor> inputs, int renderFactor, Object state) {}

    /**
     * Prepares one photo.
     *
     * @param rgb packed 0xRRGGBB pixels, row-major; not modified
     * @param width the width
     * @param height the height
     * @param renderFactor the requested factor, 7 to 45
     * @return the tensors to feed
     * @throws IllegalArgumentException if reference fidelity cannot run this factor on this graph
     */
    Prepared prepare(int[] rgb, int width, int height, int renderFactor);

    /**
     * Turns the model's output into the final pixels at the photo's size.
     *
     * @param prepared what {@link #prepare} returned
     * @param output the graph's output tensor
     * @param chromaStrength 0 to 2
     * @param mode a concrete post-processing mode (never {@code MODEL_DEFAULT})
     * @return packed 0xRRGGBB pixels, width × height
     */
    int[] finish(Prepared prepared, OnnxModel.Tensor output, float chromaStrength, PostProcessing mode);
}
