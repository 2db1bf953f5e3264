/**
 * The {@code deepai} backend: {@link io.github.colorize.remote.DeepAiColorizerProvider} (settings and key
 * lookup), {@link io.github.colorize.remote.DeepAiColorizer} and the typed {@link
 * io.github.colorize.remote.RemoteServiceException}.
 */
@NullMarked
package io.github.colorize.remote;

import org.jspecify.annotations.NullMarked;
