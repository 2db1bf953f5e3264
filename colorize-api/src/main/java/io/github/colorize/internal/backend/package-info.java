/**
 * What the local graph backends ({@code onnx}, {@code djl}) share: the {@code model}, {@code device},
 * {@code fidelity} and {@code threads} settings, the check of a graph's declared tensors against its
 * card, and {@link io.github.colorize.internal.backend.GraphColorizer}, the colorize flow around any
 * {@link io.github.colorize.internal.backend.LoadedGraph}. Exported only to this project's modules. Not
 * API.
 */
package io.github.colorize.internal.backend;
