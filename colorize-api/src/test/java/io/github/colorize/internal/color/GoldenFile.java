package io.github.colorize.internal.color;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads a golden fixture written by {@code tools/golden/make_golden.py}: gzip of magic {@code GLD1}
 * then named little-endian arrays (see the script's docstring). Immutable after loading; not
 * thread-safe to share across tests that mutate returned arrays (each accessor returns a copy).
 */
public final class GoldenFile {

    /** One named array. */
    public record Entry(char dtype, int[] shape, byte[] data) {}

    private final String resource;
    private final Map<String, Entry> entries;

    private GoldenFile(String resource, Map<String, Entry> entries) {
        this.resource = resource;
        this.entries = entries;
    }

    /**
     * Loads {@code /golden/<name>} from the test resources.
     *
     * @param name file name, e.g. {@code lab.bin.gz}
     * @return the parsed fixture
     */
    public static GoldenFile load(String name) {
        String resource = "/golden/" + name;
        try (InputStream raw = GoldenFile.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("missing test resource " + resource
                        + "; regenerate with /usr/bin/python3 tools/golden/make_golden.py");
            }
            DataInputStream in = new DataInputStream(new GZIPInputStream(raw));
            byte[] magic = in.readNBytes(4);
            if (!"GLD1".equals(new String(magic, StandardCharsets.US_ASCII))) {
                throw new IllegalStateException(resource + " is not a GLD1 fixture");
            }
            Map<String, Entry> map = new LinkedHashMap<>();
            while (true) {
                int lo = in.read();
                if (lo < 0) {
                    break;
                }
                int nameLength = lo | in.readUnsignedByte() << 8;
                String key = new String(in.readNBytes(nameLength), StandardCharsets.UTF_8);
                char dtype = (char) in.readUnsignedByte();
                int ndim = in.readUnsignedByte();
                int[] shape = new int[ndim];
                long count = 1;
                for (int i = 0; i < ndim; i++) {
                    shape[i] = Integer.reverseBytes(in.readInt());
                    count *= shape[i];
                }
                int size = switch (dtype) {
                    case 'B' -> 1;
                    case 'h' -> 2;
                    case 'i', 'f' -> 4;
                    case 'd' -> 8;
                    default -> throw new IllegalStateException("unknown dtype " + dtype + " in " + resource);
                };
                byte[] data = in.readNBytes(Math.toIntExact(count * size));
                if (data.length != count * size) {
                    throw new EOFException("truncated array " + key + " in " + resource);
                }
                map.put(key, new Entry(dtype, shape, data));
            }
            return new GoldenFile(resource, map);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** @return the array of that name, or an error naming the fixture */
    public Entry entry(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no array " + name + " in " + resource + "; has " + entries.keySet());
        }
        return e;
    }

    private ByteBuffer buffer(String name, char dtype) {
        Entry e = entry(name);
        if (e.dtype() != dtype) {
            throw new IllegalArgumentException(name + " in " + resource + " has dtype " + e.dtype() + ", not " + dtype);
        }
        return ByteBuffer.wrap(e.data()).order(ByteOrder.LITTLE_ENDIAN);
    }

    public int[] ints(String name) {
        ByteBuffer b = buffer(name, 'i');
        int[] out = new int[b.remaining() / 4];
        b.asIntBuffer().get(out);
        return out;
    }

    public byte[] bytes(String name) {
        return buffer(name, 'B').array().clone();
    }

    public float[] floats(String name) {
        ByteBuffer b = buffer(name, 'f');
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }

    public double[] doubles(String name) {
        ByteBuffer b = buffer(name, 'd');
        double[] out = new double[b.remaining() / 8];
        b.asDoubleBuffer().get(out);
        return out;
    }
}
