/**
 * The {@code onnx} backend's service provider, {@link io.github.colorize.onnx.OnnxColorizerProvider},
 * found by {@link java.util.ServiceLoader}; use it through {@link io.github.colorize.Colorizers}.
 */
@NullMarked
package io.github.colorize.onnx;

import org.jspecify.annotations.NullMarked;
