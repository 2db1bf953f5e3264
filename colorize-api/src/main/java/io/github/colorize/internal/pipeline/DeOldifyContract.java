package io.github.colorize.internal.pipeline;

/**
 * What a DeOldify graph's tensors hold: the generator as DeOldify's {@code filters.py} runs it, or
 * instant-high/deoldify-onnx's export wrapper.
 */
enum DeOldifyContract {
    /**
     * The generator alone ("raw" export): input ImageNet-normalised gray replicated into RGB, output RGB
     * in normalised space; the pipeline normalises and de-normalises.
     */
    NORMALISED,
    /**
     * The instant-high export wrapper: input gray 0–255 replicated into RGB, output RGB 0–255 clamped;
     * normalisation is baked into the graph.
     */
    BYTE_RANGE
}
