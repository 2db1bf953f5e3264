package io.github.colorize.onnx.internal;

import ai.onnxruntime.platform.Fp16Conversions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes tiny ONNX graphs (protobuf bytes, built here without any ONNX library) that honour the
 * tensor contracts of the model cards, so that ONNX Runtime can be tested without weights. Dynamic
 * dimensions are written as named parameters, fixed ones as values; {@code -1} in a shape means
 * "dynamic".
 */
public final class OnnxGraphs {

    /** ONNX element types. */
    public static final int FLOAT = 1;
    /** Half precision. */
    public static final int FLOAT16 = 10;

    private final List<byte[]> nodes = new ArrayList<>();
    private final List<byte[]> initializers = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();
    private int counter;

    /** Starts an empty graph. */
    public OnnxGraphs() {}

    /**
     * Adds a graph input.
     *
     * @param name the name
     * @param type {@link #FLOAT} or {@link #FLOAT16}
     * @param shape dimensions, -1 for dynamic
     * @return this
     */
    public OnnxGraphs input(String name, int type, long... shape) {
        inputs.add(valueInfo(name, type, shape));
        return this;
    }

    /**
     * Adds a graph output.
     *
     * @param name the name
     * @param type the element type
     * @param shape dimensions, -1 for dynamic
     * @return this
     */
    public OnnxGraphs output(String name, int type, long... shape) {
        outputs.add(valueInfo(name, type, shape));
        return this;
    }

    /**
     * Adds a constant tensor.
     *
     * @param name the name
     * @param type {@link #FLOAT} or {@link #FLOAT16}
     * @param values the values
     * @param dims its dimensions
     * @return this
     */
    public OnnxGraphs constant(String name, int type, float[] values, long... dims) {
        ByteBuffer raw =
                ByteBuffer.allocate(values.length * (type == FLOAT16 ? 2 : 4)).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            if (type == FLOAT16) {
                raw.putShort(Fp16Conversions.floatToFp16(v));
            } else {
                raw.putFloat(v);
            }
        }
        Proto t = new Proto();
        for (long d : dims) {
            t.varint(1, d);
        }
        t.varint(2, type);
        t.string(8, name);
        t.bytes(9, raw.array());
        initializers.add(t.toBytes());
        return this;
    }

    /**
     * Adds a node.
     *
     * @param op the operator type
     * @param in input names
     * @param out output names
     * @param attributes pairs of name and value (Long, Float, long[] or float[])
     * @return this
     */
    public OnnxGraphs node(String op, List<String> in, List<String> out, Object... attributes) {
        Proto n = new Proto();
        in.forEach(s -> n.string(1, s));
        out.forEach(s -> n.string(2, s));
        n.string(3, op + "_" + counter++);
        n.string(4, op);
        for (int i = 0; i < attributes.length; i += 2) {
            n.message(5, attribute((String) attributes[i], attributes[i + 1]));
        }
        nodes.add(n.toBytes());
        return this;
    }

    /**
     * The model bytes (IR version 8, opset 17).
     *
     * @return the serialised ModelProto
     */
    public byte[] toBytes() {
        Proto g = new Proto();
        nodes.forEach(b -> g.bytes(1, b));
        g.string(2, "colorize-test-graph");
        initializers.forEach(b -> g.bytes(5, b));
        inputs.forEach(b -> g.bytes(11, b));
        outputs.forEach(b -> g.bytes(12, b));
        Proto opset = new Proto();
        opset.string(1, "");
        opset.varint(2, 17);
        Proto m = new Proto();
        m.varint(1, 8);
        m.string(2, "colorize-tests");
        m.bytes(7, g.toBytes());
        m.message(8, opset);
        return m.toBytes();
    }

    /**
     * Writes the model to a file.
     *
     * @param file the target
     * @return the file
     */
    public Path write(Path file) {
        try {
            return Files.write(file, toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] valueInfo(String name, int type, long... shape) {
        Proto shapeProto = new Proto();
        for (int i = 0; i < shape.length; i++) {
            Proto dim = new Proto();
            if (shape[i] < 0) {
                dim.string(2, name + "_d" + i);
            } else {
                dim.varint(1, shape[i]);
            }
            shapeProto.message(1, dim);
        }
        Proto tensor = new Proto();
        tensor.varint(1, type);
        tensor.message(2, shapeProto);
        Proto typeProto = new Proto();
        typeProto.message(1, tensor);
        Proto vi = new Proto();
        vi.string(1, name);
        vi.message(2, typeProto);
        return vi.toBytes();
    }

    private static Proto attribute(String name, Object value) {
        Proto a = new Proto();
        a.string(1, name);
        if (value instanceof Float f) {
            a.fixed32(2, Float.floatToIntBits(f));
            a.varint(20, 1);
        } else if (value instanceof Number n) {
            a.varint(3, n.longValue());
            a.varint(20, 2);
        } else if (value instanceof float[] fs) {
            for (float f : fs) {
                a.fixed32(7, Float.floatToIntBits(f));
            }
            a.varint(20, 6);
        } else if (value instanceof long[] ls) {
            for (long l : ls) {
                a.varint(8, l);
            }
            a.varint(20, 7);
        } else {
            throw new IllegalArgumentException("unsupported attribute " + value);
        }
        return a;
    }

    /** A minimal protobuf writer: varints, fixed32, length-delimited fields. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void varint(int field, long value) {
            tag(field, 0);
            raw(value);
        }

        void fixed32(int field, int value) {
            tag(field, 5);
            for (int i = 0; i < 4; i++) {
                out.write((value >>> (8 * i)) & 0xFF);
            }
        }

        void string(int field, String s) {
            bytes(field, s.getBytes(StandardCharsets.UTF_8));
        }

        void message(int field, Proto p) {
            bytes(field, p.toBytes());
        }

        void bytes(int field, byte[] b) {
            tag(field, 2);
            raw(b.length);
            out.write(b, 0, b.length);
        }

        private void tag(int field, int wire) {
            raw(((long) field << 3) | wire);
        }

        private void raw(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        byte[] toBytes() {
            return out.toByteArray();
        }
    }

    // ---- graphs honouring each card family's contract -------------------------------------

    /**
     * The bundled model's contract: {@code l} [1,1,H,W] → {@code ab} [1,2,H/4,W/4], ab = (k·l + c)
     * averaged over 4×4 cells: a = 60·l − 20, b = −40·l + 30.
     *
     * @return the graph
     */
    public static OnnxGraphs chroma() {
        return new OnnxGraphs()
                .input("l", FLOAT, 1, 1, -1, -1)
                .output("ab", FLOAT, 1, 2, -1, -1)
                .constant("w", FLOAT, new float[] {60, -40}, 2, 1, 1, 1)
                .constant("b", FLOAT, new float[] {-20, 30}, 2)
                .node(
                        "AveragePool",
                        List.of("l"),
                        List.of("pooled"),
                        "kernel_shape",
                        new long[] {4, 4},
                        "strides",
                        new long[] {4, 4})
                .node("Conv", List.of("pooled", "w", "b"), List.of("ab"));
    }

    /**
     * DeOldify's 0–255 contract ({@code input}/{@code output} [1,3,H,W]): warms the gray, clipped
     * to [0, 255]. In float16 when asked.
     *
     * @param type {@link #FLOAT} or {@link #FLOAT16}
     * @return the graph
     */
    public static OnnxGraphs deoldify255(int type) {
        return new OnnxGraphs()
                .input("input", type, 1, 3, -1, -1)
                .output("output", type, 1, 3, -1, -1)
                .constant("gain", type, new float[] {1.1f, 1.0f, 0.8f}, 1, 3, 1, 1)
                .constant("shift", type, new float[] {12, 0, -6}, 1, 3, 1, 1)
                .constant("lo", type, new float[] {0}, new long[0])
                .constant("hi", type, new float[] {255}, new long[0])
                .node("Mul", List.of("input", "gain"), List.of("scaled"))
                .node("Add", List.of("scaled", "shift"), List.of("shifted"))
                .node("Clip", List.of("shifted", "lo", "hi"), List.of("output"));
    }

    /**
     * A raw DeOldify generator's contract (normalised space in and out), square of fixed side when
     * {@code side > 0}.
     *
     * @param side the fixed side, or -1 for dynamic
     * @return the graph
     */
    public static OnnxGraphs deoldifyRaw(long side) {
        return new OnnxGraphs()
                .input("input", FLOAT, 1, 3, side, side)
                .output("output", FLOAT, 1, 3, side, side)
                .constant("gain", FLOAT, new float[] {1.0f, 0.95f, 0.9f}, 1, 3, 1, 1)
                .constant("shift", FLOAT, new float[] {0.15f, 0.05f, -0.1f}, 1, 3, 1, 1)
                .node("Mul", List.of("input", "gain"), List.of("scaled"))
                .node("Add", List.of("scaled", "shift"), List.of("output"));
    }

    /**
     * DDColor's contract: gray RGB [1,3,S,S] in [0,1] → a*b* [1,2,S,S].
     *
     * @return the graph
     */
    public static OnnxGraphs ddcolor() {
        return new OnnxGraphs()
                .input("input", FLOAT, 1, 3, -1, -1)
                .output("output", FLOAT, 1, 2, -1, -1)
                .constant("w", FLOAT, new float[] {20, 10, 10, -15, -15, -10}, 2, 3, 1, 1)
                .constant("b", FLOAT, new float[] {-15, 25}, 2)
                .node("Conv", List.of("input", "w", "b"), List.of("output"));
    }

    /**
     * ECCV16's contract as exported: L [1,1,256,256] (0–100) → a*b* [1,2,256,256].
     *
     * @return the graph
     */
    public static OnnxGraphs eccv16() {
        return new OnnxGraphs()
                .input("input", FLOAT, 1, 1, 256, 256)
                .output("output", FLOAT, 1, 2, 256, 256)
                .constant("w", FLOAT, new float[] {0.4f, -0.3f}, 2, 1, 1, 1)
                .constant("b", FLOAT, new float[] {-10, 25}, 2)
                .node("Conv", List.of("input", "w", "b"), List.of("output"));
    }

    /**
     * SIGGRAPH17 with explicit hints: L, ab_hint, mask [*,256,256] → ab.
     *
     * @return the graph
     */
    public static OnnxGraphs siggraph17Hints() {
        return new OnnxGraphs()
                .input("L", FLOAT, 1, 1, 256, 256)
                .input("ab_hint", FLOAT, 1, 2, 256, 256)
                .input("mask", FLOAT, 1, 1, 256, 256)
                .output("ab", FLOAT, 1, 2, 256, 256)
                .constant("w", FLOAT, new float[] {0.3f, 1, 0, 5, -0.2f, 0, 1, 5}, 2, 4, 1, 1)
                .constant("b", FLOAT, new float[] {-5, 20}, 2)
                .node("Concat", List.of("L", "ab_hint", "mask"), List.of("x"), "axis", 1L)
                .node("Conv", List.of("x", "w", "b"), List.of("ab"));
    }
}
