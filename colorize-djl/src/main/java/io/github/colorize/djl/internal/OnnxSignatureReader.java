package io.github.colorize.djl.internal;

import io.github.colorize.internal.backend.GraphSignature;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the declared inputs and outputs of an ONNX graph straight from its protocol-buffer bytes, so
 * that the shared contract check runs on graphs loaded by DJL, whose ONNX Runtime engine does not
 * expose the session's tensor types and shapes. Streams the file and skips weights and nodes, so a
 * 250 MB graph costs a few kilobytes of reading. Like ONNX Runtime, it leaves out inputs that are also
 * initializers (older exporters list weights as inputs). Static and thread-safe.
 *
 * <p>Fields read (onnx.proto3): {@code ModelProto.graph} (7); {@code GraphProto.initializer} (5),
 * {@code input} (11), {@code output} (12); {@code ValueInfoProto.name} (1), {@code type} (2); {@code
 * TypeProto.tensor_type} (1); {@code Tensor.elem_type} (1), {@code shape} (2); {@code
 * TensorShapeProto.dim} (1); {@code Dimension.dim_value} (1); {@code TensorProto.name} (8).
 */
public final class OnnxSignatureReader {

    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int BYTES = 2;
    private static final int FIXED32 = 5;

    private OnnxSignatureReader() {}

    /**
     * Reads a graph file.
     *
     * @param file the {@code .onnx} file
     * @return the declared signature
     * @throws IOException if the file cannot be read or is not an ONNX model
     */
    public static GraphSignature read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in);
        }
    }

    /**
     * Reads a graph held in memory.
     *
     * @param bytes the model's bytes
     * @return the declared signature
     * @throws IOException if the bytes are not an ONNX model
     */
    public static GraphSignature read(byte[] bytes) throws IOException {
        return read(new ByteArrayInputStream(bytes));
    }

    private static GraphSignature read(InputStream stream) throws IOException {
        Reader in = new Reader(stream);
        while (!in.atEnd(Long.MAX_VALUE)) {
            long key = in.varint();
            if (field(key) == 7 && type(key) == BYTES) {
                return graph(in, in.messageEnd());
            }
            in.skip(type(key));
        }
        throw new IOException("no graph in this file; is it an ONNX model?");
    }

    private static GraphSignature graph(Reader in, long end) throws IOException {
        List<Map.Entry<String, GraphSignature.Tensor>> inputs = new ArrayList<>();
        Map<String, GraphSignature.Tensor> outputs = new LinkedHashMap<>();
        Set<String> initializers = new HashSet<>();
        while (!in.atEnd(end)) {
            long key = in.varint();
            int f = field(key);
            if (type(key) == BYTES && (f == 11 || f == 12)) {
                Map.Entry<String, GraphSignature.Tensor> v = valueInfo(in, in.messageEnd());
                if (f == 11) {
                    inputs.add(v);
                } else {
                    outputs.put(v.getKey(), v.getValue());
                }
            } else if (type(key) == BYTES && f == 5) {
                initializers.add(initializerName(in, in.messageEnd()));
            } else {
                in.skip(type(key));
            }
        }
        in.expectAt(end);
        Map<String, GraphSignature.Tensor> graphInputs = new LinkedHashMap<>();
        for (Map.Entry<String, GraphSignature.Tensor> e : inputs) {
            if (!initializers.contains(e.getKey())) {
                graphInputs.put(e.getKey(), e.getValue());
            }
        }
        return new GraphSignature(graphInputs, outputs);
    }

    private static Map.Entry<String, GraphSignature.Tensor> valueInfo(Reader in, long end) throws IOException {
        String name = "";
        GraphSignature.Tensor tensor = new GraphSignature.Tensor("non-tensor", new long[0]);
        while (!in.atEnd(end)) {
            long key = in.varint();
            if (field(key) == 1 && type(key) == BYTES) {
                name = in.string();
            } else if (field(key) == 2 && type(key) == BYTES) {
                tensor = typeProto(in, in.messageEnd());
            } else {
                in.skip(type(key));
            }
        }
        in.expectAt(end);
        return Map.entry(name, tensor);
    }

    private static GraphSignature.Tensor typeProto(Reader in, long end) throws IOException {
        GraphSignature.Tensor tensor = new GraphSignature.Tensor("non-tensor", new long[0]);
        while (!in.atEnd(end)) {
            long key = in.varint();
            if (field(key) == 1 && type(key) == BYTES) {
                tensor = tensorType(in, in.messageEnd());
            } else {
                in.skip(type(key));
            }
        }
        in.expectAt(end);
        return tensor;
    }

    private static GraphSignature.Tensor tensorType(Reader in, long end) throws IOException {
        long elemType = 0;
        List<Long> dims = new ArrayList<>();
        while (!in.atEnd(end)) {
            long key = in.varint();
            if (field(key) == 1 && type(key) == VARINT) {
                elemType = in.varint();
            } else if (field(key) == 2 && type(key) == BYTES) {
                long shapeEnd = in.messageEnd();
                while (!in.atEnd(shapeEnd)) {
                    long k = in.varint();
                    if (field(k) == 1 && type(k) == BYTES) {
                        dims.add(dimension(in, in.messageEnd()));
                    } else {
                        in.skip(type(k));
                    }
                }
                in.expectAt(shapeEnd);
            } else {
                in.skip(type(key));
            }
        }
        in.expectAt(end);
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        return new GraphSignature.Tensor(typeName(elemType), shape);
    }

    /** A fixed size, or -1 for a symbolic or missing one (what ONNX Runtime reports too). */
    private static long dimension(Reader in, long end) throws IOException {
        long value = -1;
        while (!in.atEnd(end)) {
            long key = in.varint();
            if (field(key) == 1 && type(key) == VARINT) {
                long v = in.varint();
                value = v > 0 ? v : -1;
            } else {
                in.skip(type(key));
            }
        }
        in.expectAt(end);
        return value;
    }

    private static String initializerName(Reader in, long end) throws IOException {
        String name = "";
        while (!in.atEnd(end)) {
            long key = in.varint();
            if (field(key) == 8 && type(key) == BYTES) {
                name = in.string();
            } else {
                in.skip(type(key));
            }
        }
        in.expectAt(end);
        return name;
    }

    /** The element type names {@code GraphSignature} uses: ONNX Runtime's, float32 and float16 spelled out. */
    static String typeName(long elemType) {
        return switch ((int) elemType) {
            case 1 -> "float32";
            case 2 -> "uint8";
            case 3 -> "int8";
            case 5 -> "int16";
            case 6 -> "int32";
            case 7 -> "int64";
            case 8 -> "string";
            case 9 -> "bool";
            case 10 -> "float16";
            case 11 -> "double";
            case 16 -> "bfloat16";
            default -> "onnx-type-" + elemType;
        };
    }

    private static int field(long key) {
        return (int) (key >>> 3);
    }

    private static int type(long key) {
        return (int) (key & 7);
    }

    /** A protocol-buffer reader over a stream that knows its position and skips without reading. */
    private static final class Reader {
        private final InputStream in;
        private long position;

        Reader(InputStream in) {
            this.in = in;
        }

        long position() {
            return position;
        }

        boolean atEnd(long end) throws IOException {
            if (position > end) {
                throw new IOException("malformed protocol buffer: a field runs past its message");
            }
            if (position == end) {
                return true;
            }
            if (end == Long.MAX_VALUE) {
                in.mark(1);
                int b = in.read();
                in.reset();
                return b < 0;
            }
            return false;
        }

        void expectAt(long end) throws IOException {
            if (position != end) {
                throw new IOException("malformed protocol buffer: a message's fields do not fill its length");
            }
        }

        int readByte() throws IOException {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the file ends inside a protocol-buffer field");
            }
            position++;
            return b;
        }

        long varint() throws IOException {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = readByte();
                result |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw new IOException("malformed protocol buffer: varint longer than 10 bytes");
        }

        /** Reads a length prefix; returns where that message ends. */
        long messageEnd() throws IOException {
            long n = length();
            return position + n;
        }

        long length() throws IOException {
            long n = varint();
            if (n < 0 || n > Integer.MAX_VALUE * 8L) {
                throw new IOException("malformed protocol buffer: length " + n);
            }
            return n;
        }

        String string() throws IOException {
            long n = length();
            if (n > 1 << 20) {
                throw new IOException("malformed protocol buffer: a name of " + n + " bytes");
            }
            byte[] b = in.readNBytes((int) n);
            if (b.length != n) {
                throw new EOFException("the file ends inside a name");
            }
            position += n;
            return new String(b, StandardCharsets.UTF_8);
        }

        void skip(int wireType) throws IOException {
            switch (wireType) {
                case VARINT -> varint();
                case FIXED64 -> skipBytes(8);
                case BYTES -> skipBytes(length());
                case FIXED32 -> skipBytes(4);
                default -> throw new IOException("malformed protocol buffer: wire type " + wireType);
            }
        }

        private void skipBytes(long n) throws IOException {
            long left = n;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException("the file ends inside a protocol-buffer field");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
            position += n;
        }
    }
}
