package io.github.colorize.internal.backend;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An ONNX graph (opset 13) with one {@code Conv} node per {@link ConvCase}, written as protobuf bytes in
 * code so that ONNX Runtime can be self-checked without a fixture file, in one session. Weights and biases
 * are constant initializers, as in real models, so that ONNX Runtime's layout optimisations and
 * pre-packed kernels are the ones checked. Case {@code i} reads input {@link #input(int)} and writes
 * output {@link #output(int)}, float32 with the case's fixed shapes. Static and thread-safe.
 */
public final class ConvOnnxGraph {

    private static final int FLOAT = 1;
    private static final int ATTRIBUTE_INTS = 7;

    private ConvOnnxGraph() {}

    /**
     * The input name of a case.
     *
     * @param i the case's index
     * @return {@code x<i>}
     */
    public static String input(int i) {
        return "x" + i;
    }

    /**
     * The output name of a case.
     *
     * @param i the case's index
     * @return {@code y<i>}
     */
    public static String output(int i) {
        return "y" + i;
    }

    /**
     * The model's bytes.
     *
     * @param cases the cases
     * @return a serialised {@code ModelProto}
     */
    public static byte[] bytes(List<ConvCase> cases) {
        Proto graph = new Proto();
        for (int i = 0; i < cases.size(); i++) {
            ConvCase c = cases.get(i);
            graph.message(
                    1,
                    new Proto()
                            .string(1, input(i))
                            .string(1, "w" + i)
                            .string(1, "b" + i)
                            .string(2, output(i))
                            .string(3, "conv" + i)
                            .string(4, "Conv")
                            .message(5, ints("kernel_shape", c.kernel(), c.kernel()))
                            .message(5, ints("strides", c.stride(), c.stride()))
                            .message(5, ints("pads", c.padding(), c.padding(), c.padding(), c.padding())));
        }
        graph.string(2, "conv_self_check");
        for (int i = 0; i < cases.size(); i++) {
            ConvCase c = cases.get(i);
            graph.message(5, tensor("w" + i, c.weightShape(), c.weight()))
                    .message(5, tensor("b" + i, new long[] {c.outChannels()}, c.bias()));
        }
        for (int i = 0; i < cases.size(); i++) {
            graph.message(11, valueInfo(input(i), cases.get(i).inputShape()));
        }
        for (int i = 0; i < cases.size(); i++) {
            graph.message(12, valueInfo(output(i), cases.get(i).outputShape()));
        }
        Proto opset = new Proto().string(1, "").varint(2, 13);
        return new Proto()
                .varint(1, 7) // IR version 7: ONNX 1.8+, opset 13
                .string(2, "colorize self-check")
                .message(7, graph)
                .message(8, opset)
                .toBytes();
    }

    private static Proto ints(String name, long... values) {
        Proto a = new Proto().string(1, name);
        for (long v : values) {
            a.varint(8, v);
        }
        return a.varint(20, ATTRIBUTE_INTS);
    }

    private static Proto tensor(String name, long[] dims, float[] data) {
        Proto t = new Proto();
        for (long d : dims) {
            t.varint(1, d);
        }
        ByteBuffer raw = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(data);
        return t.varint(2, FLOAT).string(8, name).bytes(9, raw.array());
    }

    private static Proto valueInfo(String name, long[] dims) {
        Proto shape = new Proto();
        for (long d : dims) {
            shape.message(1, new Proto().varint(1, d));
        }
        Proto tensorType = new Proto().varint(1, FLOAT).message(2, shape);
        return new Proto().string(1, name).message(2, new Proto().message(1, tensorType));
    }

    /** A minimal protobuf writer: varints and length-delimited fields, which is all ONNX needs here. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            raw(field << 3);
            raw(value);
            return this;
        }

        Proto bytes(int field, byte[] value) {
            raw(field << 3 | 2);
            raw(value.length);
            out.writeBytes(value);
            return this;
        }

        Proto string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, Proto value) {
            return bytes(field, value.toBytes());
        }

        byte[] toBytes() {
            return out.toByteArray();
        }

        private void raw(long value) {
            long v = value;
            while ((v & ~0x7FL) != 0) {
                out.write((int) (v & 0x7F) | 0x80);
                v >>>= 7;
            }
            out.write((int) v);
        }
    }
}
