package io.github.colorize.internal.provenance;

import io.github.colorize.UndecodableImageException;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * XMP in JPEG: an {@code APP1} segment whose payload is {@code http://ns.adobe.com/xap/1.0/\0}
 * followed by the packet, placed after {@code SOI} and the JFIF {@code APP0} segment, as the XMP
 * specification (part 3) prescribes. Builds the segment, finds where it goes in an encoder's output,
 * and finds it again in a file. Stateless, thread-safe.
 */
public final class JpegXmp {

    static final byte[] NAMESPACE = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);

    /** A segment's length field counts itself and is 16 bits, so the packet can be at most this long. */
    public static final int MAX_PACKET = 0xFFFF - 2 - NAMESPACE.length;

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;

    private JpegXmp() {}

    /**
     * The complete {@code APP1} segment (marker, length, namespace, packet).
     *
     * @param packet the XMP packet, UTF-8
     * @return the segment bytes
     * @throws IllegalArgumentException if the packet is longer than {@link #MAX_PACKET}
     */
    public static byte[] segment(byte[] packet) {
        if (packet.length > MAX_PACKET) {
            throw new IllegalArgumentException("XMP packet of " + packet.length
                    + " bytes does not fit a JPEG APP1 segment (at most " + MAX_PACKET + ")");
        }
        return ByteBuffer.allocate(4 + NAMESPACE.length + packet.length)
                .put((byte) 0xFF)
                .put((byte) APP1)
                .putShort((short) (2 + NAMESPACE.length + packet.length))
                .put(NAMESPACE)
                .put(packet)
                .array();
    }

    /**
     * Where the XMP segment goes in an encoder's output: after {@code SOI} and, if present, the
     * {@code APP0} (JFIF) segment that must come first.
     *
     * @param head the first bytes of the output
     * @param length how many of them are valid
     * @return the offset, or -1 if more bytes are needed to tell
     * @throws IOException if the bytes do not start like a JPEG
     */
    public static int insertionPoint(byte[] head, int length) throws IOException {
        if (length < 4) {
            return -1;
        }
        if ((head[0] & 0xFF) != 0xFF || (head[1] & 0xFF) != SOI || (head[2] & 0xFF) != 0xFF) {
            throw new IOException("JPEG encoder output does not start with SOI and a marker");
        }
        if ((head[3] & 0xFF) != APP0) {
            return 2;
        }
        if (length < 6) {
            return -1;
        }
        int end = 4 + (((head[4] & 0xFF) << 8) | (head[5] & 0xFF));
        return length >= end ? end : -1;
    }

    /**
     * Finds the XMP packet in a JPEG stream positioned just after {@code SOI}. Walks the marker
     * segments up to the start of scan, where metadata ends.
     *
     * @param in the stream after SOI
     * @param file the file, for messages
     * @return the packet, or empty if the file has none
     * @throws IOException if reading fails
     * @throws UndecodableImageException if the segment structure is broken
     */
    static Optional<byte[]> find(DataInputStream in, Path file) throws IOException {
        long offset = 2;
        try {
            while (true) {
                int b = in.readUnsignedByte();
                if (b != 0xFF) {
                    throw new UndecodableImageException(
                            file,
                            "broken JPEG: expected a marker at offset " + offset + ", found 0x"
                                    + Integer.toHexString(b),
                            null);
                }
                int marker;
                do {
                    marker = in.readUnsignedByte(); // 0xFF fill bytes may precede a marker
                    offset++;
                } while (marker == 0xFF);
                offset++;
                if (marker == SOS || marker == EOI) {
                    return Optional.empty();
                }
                if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                    continue; // standalone markers carry no length
                }
                int length = in.readUnsignedShort();
                if (length < 2) {
                    throw new UndecodableImageException(
                            file, "broken JPEG: segment at offset " + offset + " has length " + length, null);
                }
                byte[] payload = in.readNBytes(length - 2);
                if (payload.length < length - 2) {
                    throw new EOFException();
                }
                if (marker == APP1 && startsWithNamespace(payload)) {
                    return Optional.of(Arrays.copyOfRange(payload, NAMESPACE.length, payload.length));
                }
                offset += length;
            }
        } catch (EOFException e) {
            throw new UndecodableImageException(
                    file, "truncated JPEG: the file ends inside its headers (offset " + offset + ")", e);
        }
    }

    private static boolean startsWithNamespace(byte[] payload) {
        return payload.length >= NAMESPACE.length
                && Arrays.equals(payload, 0, NAMESPACE.length, NAMESPACE, 0, NAMESPACE.length);
    }
}
