/**
 * Implementation of the {@code deepai} backend: settings, key handling, the HTTP client with its retry
 * and rate limits, the strict JSON reader, and the image steps around the service call. Not API.
 */
@NullMarked
package io.github.colorize.remote.internal;

import org.jspecify.annotations.NullMarked;
