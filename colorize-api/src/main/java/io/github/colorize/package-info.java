/**
 * The colorize API: {@link io.github.colorize.Colorizers} finds a backend and creates a {@link
 * io.github.colorize.Colorizer}; {@link io.github.colorize.ColorizeOptions} says how to colourise;
 * every {@link io.github.colorize.ColorizedImage} carries its {@link io.github.colorize.Provenance}.
 */
package io.github.colorize;
