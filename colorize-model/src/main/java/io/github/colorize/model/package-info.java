/**
 * The bundled model's files, opened by {@link io.github.colorize.model.BundledModel}.
 */
package io.github.colorize.model;
