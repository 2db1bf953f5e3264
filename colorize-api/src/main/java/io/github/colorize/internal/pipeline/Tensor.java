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
