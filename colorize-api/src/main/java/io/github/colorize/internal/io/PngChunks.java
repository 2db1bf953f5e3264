package io.github.colorize.internal.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The PNG file signature and chunk framing (length, type, data, CRC-32 of type and data), shared by
 * the encoder, the XMP chunk writer and the readers that recognise PNG files. Stateless, thread-safe.
 */
public final class PngChunks {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private static final byte[] NONE = new byte[0];

    private PngChunks() {}

    /** @return a copy of the eight-byte PNG signature */
    public static byte[] signature() {
        return SIGNATURE.clone();
    }

    /**
     * Whether bytes start with the PNG signature.
     *
     * @param b the bytes (at least the first eight)
     * @return true if the first eight are the signature
     */
    public static boolean startsWithSignature(byte[] b) {
        return b.length >= SIGNATURE.length && Arrays.equals(b, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
    }

    /**
     * A whole chunk as bytes.
     *
     * @param type the four-letter chunk type
     * @param data the chunk's data
     * @return length, type, data and CRC
     */
    public static byte[] bytes(String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(12 + data.length);
        try {
            write(out, type, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
        }
        return out.toByteArray();
    }

    /**
     * Writes a chunk.
     *
     * @param out where it goes
     * @param type the four-letter chunk type
     * @param data the chunk's data
     * @throws IOException if writing fails
     */
    public static void write(OutputStream out, String type, byte[] data) throws IOException {
        write(out, type, NONE, data, data.length, NONE);
    }

    /**
     * Writes a chunk whose data is {@code head}, the first {@code length} bytes of {@code body}, and
     * {@code tail}, without joining them first (an encoder's pieces can be megabytes).
     *
     * @throws IOException if writing fails
     */
    static void write(OutputStream out, String type, byte[] head, byte[] body, int length, byte[] tail)
            throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(head);
        crc.update(body, 0, length);
        crc.update(tail);
        out.write(ByteBuffer.allocate(4)
                .putInt(head.length + length + tail.length)
                .array());
        out.write(typeBytes);
        out.write(head);
        out.write(body, 0, length);
        out.write(tail);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
