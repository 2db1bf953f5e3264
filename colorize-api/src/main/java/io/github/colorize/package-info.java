/**
 * The colorize API: {@link io.github.colorize.Colorizers} finds a backend and creates a {@link
 * io.github.colorize.Colorizer}; {@link io.github.colorize.ColorizeOptions} says how to colourise;
 * every {@link io.github.colorize.ColorizedImage} carries its {@link io.github.colorize.Provenance}.
 *
 * <p>Every type here is null-marked: a parameter, return value or field may be null only where it is
 * declared {@code @Nullable}.
 */
@NullMarked
package io.github.colorize;

import org.jspecify.annotations.NullMarked;
