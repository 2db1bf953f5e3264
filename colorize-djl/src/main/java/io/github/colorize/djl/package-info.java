/**
 * The {@code djl} backend's service provider, {@link io.github.colorize.djl.DjlColorizerProvider}, found
 * by {@link java.util.ServiceLoader}; use it through {@link io.github.colorize.Colorizers}.
 */
@NullMarked
package io.github.colorize.djl;

import org.jspecify.annotations.NullMarked;
