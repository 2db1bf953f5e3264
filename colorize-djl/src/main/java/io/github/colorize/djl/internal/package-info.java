/**
 * Implementation of the {@code djl} backend: the DJL switches and engine start-up, the choice of card
 * and engine, loading with {@code Criteria}, the ONNX signature reader and the TorchScript contract
 * probe, device choice, and the translator between pipeline tensors and DJL arrays. Not API.
 */
package io.github.colorize.djl.internal;
