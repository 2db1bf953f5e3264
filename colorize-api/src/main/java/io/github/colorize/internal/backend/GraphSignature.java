package io.github.colorize.internal.backend;

import java.util.Arrays;
import java.util.Map;

/**
 * The tensor names, element types and shapes a graph declares, independent of ONNX Runtime classes so
 * that the contract check can be tested on plain values. Immutable.
 *
 * @param inputs input name to tensor
 * @param outputs output name to tensor
 */
public record GraphSignature(Map<String, Tensor> inputs, Map<String, Tensor> outputs) {

    /** Copies the maps. */
    public GraphSignature {
        inputs = Map.copyOf(inputs);
        outputs = Map.copyOf(outputs);
    }

    /**
     * One declared tensor.
     *
     * @param type {@code float32}, {@code float16} or another type's name
     * @param shape dimensions; -1 where dynamic
     */
    public record Tensor(String type, long[] shape) {
        /** Copies the shape. */
        public Tensor {
            shape = shape.clone();
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        /**
         * One dimension.
         *
         * @param i the axis
         * @return its size, or -1 when dynamic
         */
        public long dim(int i) {
            return shape[i] > 0 ? shape[i] : -1;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tensor t && t.type.equals(type) && Arrays.equals(t.shape, shape);
        }

        @Override
        public int hashCode() {
            return type.hashCode() * 31 + Arrays.hashCode(shape);
        }

        @Override
        public String toString() {
            return type + Arrays.toString(shape).replace("-1", "?");
        }
    }
}
