/**
 * The service-provider interface for colourisation backends. Stable: grows only by default methods.
 */
@NullMarked
package io.github.colorize.spi;

import org.jspecify.annotations.NullMarked;
