package io.github.colorize.internal.pipeline;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named float32 tensor in NCHW layout, the only thing that crosses from a {@link ColorPipeline} into
 * an inference runtime and back. Backends convert to float16 at their boundary when the model card asks
 * for it.
 *
 * <p>Ownership: the record takes the arrays it is given without copying (tensors are large and built
 * once); callers must not modify {@code shape} or {@code data} after construction. Immutable by that
 * convention and therefore safe to share between threads.
 *
 * @param name the graph's input or output name
 * @param shape the dimensions, e.g. {@code [1, 3, 560, 560]}
 * @param data the values, row-major over {@code shape}
 */
public record Tensor(String name, long[] shape, float[] data) {

    /**
     * Checks that the shape is positive and matches the data length.
     *
     * @throws IllegalArgumentException if the shape has a non-positive dimension or does not match
     */
    public Tensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        long n = 1;
        for (long d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException(
                        "tensor '" + name + "' has a non-positive dimension: " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        if (n != data.length) {
            throw new IllegalArgumentException("tensor '" + name + "' shape " + Arrays.toString(shape) + " needs " + n
                    + " values, got " + data.length);
        }
    }

    /**
     * A tensor of the given shape filled with zeros.
     *
     * @param name the name
     * @param shape the dimensions
     * @return the tensor
     */
    public static Tensor zeros(String name, long... shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return new Tensor(name, shape, new float[Math.toIntExact(n)]);
    }

    /**
     * An auxiliary input left at zero, at the main input's size: batch 1, {@code channels}, the main
     * input's height and width. What a graph with extra inputs gets when nothing is given for them
     * (SIGGRAPH17's hint chroma and hint mask in automatic mode), whether the pipeline or the backend
     * fills them in.
     *
     * @param name the auxiliary input's name
     * @param channels its channel count, positive
     * @param main the main input, NCHW
     * @return the tensor
     * @throws IllegalArgumentException if {@code main} is not 4-dimensional or the count is not positive
     */
    public static Tensor auxiliaryZeros(String name, long channels, Tensor main) {
        if (main.shape().length != 4) {
            throw new IllegalArgumentException("main input '" + main.name() + "' is not NCHW: "
                    + Arrays.toString(main.shape()) + "; cannot size auxiliary input '" + name + "'");
        }
        return zeros(name, 1, channels, main.shape()[2], main.shape()[3]);
    }

    /**
     * The same values under another name (for cards whose graph names differ from the defaults).
     *
     * @param newName the name
     * @return a tensor sharing this tensor's arrays
     */
    public Tensor withName(String newName) {
        return new Tensor(newName, shape, data);
    }

    /**
     * Dimension {@code i}, negative indices counting from the end.
     *
     * @param i the index
     * @return the dimension
     */
    public int dim(int i) {
        return Math.toIntExact(shape[i < 0 ? shape.length + i : i]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t
                && name.equals(t.name)
                && Arrays.equals(shape, t.shape)
                && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(shape), Arrays.hashCode(data));
    }

    /** Name and shape only: the data can be megabytes. */
    @Override
    public String toString() {
        return "Tensor[" + name + " " + Arrays.toString(shape) + "]";
    }
}
