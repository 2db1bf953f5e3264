package io.github.colorize.internal.provenance;

import io.github.colorize.MalformedProvenanceException;
import io.github.colorize.UndecodableImageException;
import io.github.colorize.internal.io.PngChunks;
import io.github.colorize.internal.text.SafeText;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * XMP in PNG: an {@code iTXt} chunk with keyword {@code XML:com.adobe.xmp}, uncompressed, placed right
 * after {@code IHDR} as the XMP specification (part 3) recommends. Builds the chunk, finds where it
 * goes in an encoder's output, and finds it again in a file. Stateless, thread-safe.
 */
public final class PngXmp {

    static final String KEYWORD = "XML:com.adobe.xmp";

    /** Larger XMP chunks are refused when reading, so that a hostile file cannot exhaust memory. */
    static final int MAX_PACKET = 4 << 20;

    private PngXmp() {}

    /**
     * The complete {@code iTXt} chunk (length, type, data, CRC) for a packet.
     *
     * @param packet the XMP packet, UTF-8
     * @return the chunk bytes
     */
    public static byte[] chunk(byte[] packet) {
        byte[] keyword = KEYWORD.getBytes(StandardCharsets.ISO_8859_1);
        // keyword NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL
        ByteBuffer data = ByteBuffer.allocate(keyword.length + 5 + packet.length);
        data.put(keyword)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0)
                .put(packet);
        return PngChunks.bytes("iTXt", data.array());
    }

    /**
     * Where the XMP chunk goes in an encoder's output: just after the {@code IHDR} chunk.
     *
     * @param head the first bytes of the output
     * @param length how many of them are valid
     * @return the offset, or -1 if more bytes are needed to tell
     * @throws IOException if the bytes are not a PNG starting with {@code IHDR}
     */
    public static int insertionPoint(byte[] head, int length) throws IOException {
        if (length < 16) {
            return -1;
        }
        if (!PngChunks.startsWithSignature(head)) {
            throw new IOException("PNG encoder output does not start with the PNG signature");
        }
        if (!"IHDR".equals(new String(head, 12, 4, StandardCharsets.ISO_8859_1))) {
            throw new IOException("PNG encoder output does not start with an IHDR chunk");
        }
        int ihdrLength = ByteBuffer.wrap(head, 8, 4).getInt();
        if (ihdrLength != 13) {
            throw new IOException("PNG encoder wrote an IHDR chunk of " + ihdrLength + " bytes, expected 13");
        }
        int end = 8 + 12 + ihdrLength;
        return length >= end ? end : -1;
    }

    /**
     * Finds the XMP packet in a PNG stream positioned just after its signature. Reads only chunk
     * headers and skips other chunks' data, and stops at the XMP chunk or {@code IEND}.
     *
     * @param in the stream after the signature
     * @param file the file, for messages
     * @return the packet, or empty if the file has none
     * @throws IOException if reading fails
     * @throws UndecodableImageException if the chunk structure is broken
     * @throws MalformedProvenanceException if the XMP chunk itself is damaged or too large
     */
    static Optional<byte[]> find(DataInputStream in, Path file) throws IOException {
        long offset = 8;
        try {
            while (true) {
                long length = in.readInt() & 0xFFFFFFFFL;
                byte[] typeBytes = in.readNBytes(4);
                if (typeBytes.length < 4) {
                    throw new EOFException();
                }
                String type = new String(typeBytes, StandardCharsets.ISO_8859_1);
                if (length > Integer.MAX_VALUE) {
                    throw new UndecodableImageException(
                            file,
                            "PNG chunk " + SafeText.printable(type) + " at offset " + offset
                                    + " has an impossible length " + length,
                            null);
                }
                if (type.equals("IEND")) {
                    return Optional.empty();
                }
                if (type.equals("iTXt")) {
                    Optional<byte[]> xmp = readITxt(in, (int) length, typeBytes, file);
                    if (xmp.isPresent()) {
                        return xmp;
                    }
                } else {
                    in.skipNBytes(length + 4); // data and CRC
                }
                offset += 12 + length;
            }
        } catch (EOFException e) {
            throw new UndecodableImageException(
                    file, "truncated PNG: the chunk at offset " + offset + " ends before the file does", e);
        }
    }

    /** Reads one iTXt chunk (data and CRC); returns its text if it is the XMP chunk. */
    private static Optional<byte[]> readITxt(DataInputStream in, int length, byte[] type, Path file)
            throws IOException {
        int keywordRoom = Math.min(length, KEYWORD.length() + 1);
        byte[] start = new byte[keywordRoom];
        in.readFully(start);
        boolean isXmp = keywordRoom == KEYWORD.length() + 1
                && Arrays.equals(
                        start, 0, KEYWORD.length(), KEYWORD.getBytes(StandardCharsets.ISO_8859_1), 0, KEYWORD.length())
                && start[KEYWORD.length()] == 0;
        if (!isXmp) {
            in.skipNBytes((long) length - keywordRoom + 4);
            return Optional.empty();
        }
        if (length > MAX_PACKET) {
            throw new MalformedProvenanceException(
                    file, "the XMP chunk is " + length + " bytes, more than the " + MAX_PACKET + " accepted", null);
        }
        byte[] data = new byte[length];
        System.arraycopy(start, 0, data, 0, keywordRoom);
        in.readFully(data, keywordRoom, length - keywordRoom);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(data);
        if ((int) crc.getValue() != in.readInt()) {
            throw new MalformedProvenanceException(file, "the XMP chunk fails its CRC check (damaged file)", null);
        }
        return Optional.of(iTxtText(data, KEYWORD.length() + 1, file));
    }

    /** The text of an iTXt chunk after its keyword: flags, language tag, translated keyword, text. */
    private static byte[] iTxtText(byte[] data, int pos, Path file) {
        if (pos + 2 > data.length) {
            throw new MalformedProvenanceException(file, "the XMP iTXt chunk is cut short", null);
        }
        int compressed = data[pos];
        int method = data[pos + 1];
        pos += 2;
        for (int nuls = 0; nuls < 2; nuls++) { // language tag, translated keyword
            while (pos < data.length && data[pos] != 0) {
                pos++;
            }
            if (pos++ >= data.length) {
                throw new MalformedProvenanceException(file, "the XMP iTXt chunk is cut short", null);
            }
        }
        byte[] text = Arrays.copyOfRange(data, pos, data.length);
        if (compressed == 0) {
            return text;
        }
        if (compressed != 1 || method != 0) {
            throw new MalformedProvenanceException(
                    file, "the XMP iTXt chunk uses unknown compression " + compressed + "/" + method, null);
        }
        return inflate(text, file);
    }

    private static byte[] inflate(byte[] deflated, Path file) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 4);
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new MalformedProvenanceException(file, "the compressed XMP chunk is cut short", null);
                }
                out.write(buf, 0, n);
                if (out.size() > MAX_PACKET) {
                    throw new MalformedProvenanceException(
                            file, "the compressed XMP chunk inflates beyond " + MAX_PACKET + " bytes", null);
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new MalformedProvenanceException(file, "the compressed XMP chunk is corrupt: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
