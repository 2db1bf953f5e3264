package io.github.colorize.internal.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One photo made ready for a model: the input tensor plus what {@link ColorPipeline#finish} needs.
 *
 * <p>Ownership: holds the caller's pixel array and the tensors by reference; nobody modifies them.
 * Immutable by that convention, so it may be handed to another thread for inference.
 *
 * @param input the main input tensor (named as the card says)
 * @param originalRgb the original photo, packed RGB, {@code width × height}
 * @param width the photo's width
 * @param height the photo's height
 * @param modelWidth the model input's width
 * @param modelHeight the model input's height
 * @param renderFactor the render factor the photo was prepared for
 * @param fidelity the fidelity the photo was prepared with ({@code finish} follows it)
 * @param extraInputs further graph inputs by name (SIGGRAPH17's {@code ab_hint} and {@code mask}, all
 *     zeros in automatic mode); empty for single-input graphs
 */
public record Prepared(
        Tensor input,
        int[] originalRgb,
        int width,
        int height,
        int modelWidth,
        int modelHeight,
        int renderFactor,
        Fidelity fidelity,
        Map<String, Tensor> extraInputs) {

    /**
     * Checks the sizes and copies the map (keeping its order).
     *
     * @throws IllegalArgumentException if the pixel count does not match the size
     */
    public Prepared {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(originalRgb, "originalRgb");
        Objects.requireNonNull(fidelity, "fidelity");
        if (width <= 0 || height <= 0 || (long) width * height != originalRgb.length) {
            throw new IllegalArgumentException(
                    "photo is " + width + "x" + height + " but has " + originalRgb.length + " pixels");
        }
        extraInputs = Collections.unmodifiableMap(new LinkedHashMap<>(extraInputs));
    }

    /**
     * A single-input photo prepared in {@link Fidelity#DEFAULT}.
     *
     * @param input the input tensor
     * @param originalRgb the original photo
     * @param width the width
     * @param height the height
     * @param modelWidth the model width
     * @param modelHeight the model height
     * @param renderFactor the render factor
     */
    public Prepared(
            Tensor input, int[] originalRgb, int width, int height, int modelWidth, int modelHeight, int renderFactor) {
        this(input, originalRgb, width, height, modelWidth, modelHeight, renderFactor, Fidelity.DEFAULT, Map.of());
    }

    /**
     * Every input the graph takes, the main one first.
     *
     * @return the inputs by name, in a stable order
     */
    public Map<String, Tensor> allInputs() {
        var all = new LinkedHashMap<String, Tensor>();
        all.put(input.name(), input);
        all.putAll(extraInputs);
        return Collections.unmodifiableMap(all);
    }
}
