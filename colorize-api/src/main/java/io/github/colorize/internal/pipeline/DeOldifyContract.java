package io.github.colorize.internal.pipeline;

/** What a DeOldify graph's tensors hold (reference-pipelines.md §2.4–2.5 and §3.1, §3.7). */
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
