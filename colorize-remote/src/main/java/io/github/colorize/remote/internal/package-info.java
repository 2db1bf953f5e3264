/**
 * Implementation of the {@code deepai} backend: settings, key handling, the HTTP client with its retry
 * and rate limits, and the image steps around the service call. Answers are read with the shared
 * {@code io.github.colorize.internal.json.Json}. Not API.
 */
@NullMarked
package io.github.colorize.remote.internal;

import org.jspecify.annotations.NullMarked;
