package io.github.colorize.internal.provenance;

import io.github.colorize.MalformedProvenanceException;
import io.github.colorize.Provenance;
import io.github.colorize.UndecodableImageException;
import io.github.colorize.internal.io.PngChunks;
import io.github.colorize.internal.io.Sha256;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads provenance records from PNG and JPEG files, streaming: only headers are read, never the
 * pixels. Stateless, thread-safe.
 */
public final class ProvenanceFiles {

    private ProvenanceFiles() {}

    /**
     * Reads the record embedded in a file.
     *
     * @param file a PNG or JPEG file
     * @return the record, or empty when the file has no XMP or its XMP holds no colorize record
     * @throws UndecodableImageException if the file cannot be read, is neither PNG nor JPEG, or its
     *     structure is broken before the record could be found
     * @throws MalformedProvenanceException if the file claims a record that is not a valid one
     */
    public static Optional<Provenance> read(Path file) {
        return packet(file).flatMap(packet -> XmpReader.read(packet, file));
    }

    /**
     * The raw XMP packet of a file, whatever it holds.
     *
     * @param file a PNG or JPEG file
     * @return the packet bytes, or empty if the file has none
     */
    public static Optional<byte[]> packet(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            return packet(raw, file);
        } catch (NoSuchFileException e) {
            throw new UndecodableImageException(file, "no such file", e);
        } catch (IOException e) {
            throw new UndecodableImageException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The raw XMP packet of a file's bytes; the stream is read no further than the packet. Package-private
     * so that the fuzz test drives the same parser without a file per input.
     *
     * @param raw the file's bytes from the start; not closed
     * @param file the file, for messages
     * @return the packet bytes, or empty if the file has none
     * @throws IOException if reading fails
     */
    static Optional<byte[]> packet(InputStream raw, Path file) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 16384));
        in.mark(8);
        byte[] magic = in.readNBytes(8);
        in.reset();
        if (magic.length >= 3 && (magic[0] & 0xFF) == 0xFF && (magic[1] & 0xFF) == 0xD8 && (magic[2] & 0xFF) == 0xFF) {
            in.skipNBytes(2); // SOI
            return JpegXmp.find(in, file);
        }
        if (PngChunks.startsWithSignature(magic)) {
            in.skipNBytes(8);
            return PngXmp.find(in, file);
        }
        throw new UndecodableImageException(file, "not a PNG or JPEG file; provenance is read from those only", null);
    }

    /**
     * The SHA-256 of a file's bytes, streamed.
     *
     * @param file the file
     * @return lower-case hex
     * @throws UndecodableImageException if the file cannot be read
     */
    public static String sha256(Path file) {
        try {
            return Sha256.ofFile(file);
        } catch (NoSuchFileException e) {
            throw new UndecodableImageException(file, "no such file", e);
        } catch (IOException e) {
            throw new UndecodableImageException(file, "cannot read: " + e.getMessage(), e);
        }
    }
}
