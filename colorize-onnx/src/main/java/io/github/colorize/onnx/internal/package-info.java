/**
 * Implementation of the {@code onnx} backend: device choice and the ONNX Runtime session (a {@code
 * LoadedGraph}) with its contract check and fp16 conversion. Model selection, settings and the colorize
 * flow are shared with the {@code djl} backend in {@code io.github.colorize.internal.backend}. Not API.
 */
package io.github.colorize.onnx.internal;
