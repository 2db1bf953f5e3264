/**
 * Implementation of the {@code onnx} backend: model selection, device choice, the ONNX Runtime session
 * with its contract check and fp16 conversion, and the colorizer around a colour pipeline. Not API.
 */
package io.github.colorize.onnx.internal;
