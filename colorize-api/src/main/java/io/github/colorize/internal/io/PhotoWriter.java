package io.github.colorize.internal.io;

import io.github.colorize.ImageFormat;
import io.github.colorize.ImageWriteOptions;
import io.github.colorize.Provenance;
import io.github.colorize.internal.provenance.JpegXmp;
import io.github.colorize.internal.provenance.PngXmp;
import io.github.colorize.internal.provenance.SplicingOutputStream;
import io.github.colorize.internal.provenance.XmpWriter;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes PNG and JPEG atomically, with the provenance record embedded as XMP. Stateless, thread-safe.
 *
 * <p>The image is encoded into a temporary file next to the target, the XMP chunk (PNG {@code iTXt})
 * or segment (JPEG {@code APP1}) spliced into the encoder's output as it streams past, the file forced
 * to disk, then renamed over the target. Both encoders work in horizontal stripes in parallel: JPEG
 * through ImageIO's encoder joined with restart markers ({@link JpegStripeEncoder}), PNG by our own
 * filter and parallel deflate ({@link PngEncoder}; ImageIO still writes palette and 16-bit images). On any failure the temporary file is deleted
 * and the target is untouched: an existing file keeps its old bytes, a new one never appears.
 */
public final class PhotoWriter {

    private PhotoWriter() {}

    /**
     * Writes an image.
     *
     * @param image the pixels; for JPEG, alpha is flattened onto white
     * @param provenance the record to embed, or null for none; also not embedded when {@code
     *     options.embedMetadata()} is false
     * @param target the file
     * @param options format and quality
     * @throws IOException if writing fails; the target is then untouched
     * @throws IllegalArgumentException if the record is too large for a JPEG APP1 segment
     */
    public static void write(BufferedImage image, Provenance provenance, Path target, ImageWriteOptions options)
            throws IOException {
        byte[] metadata = provenance != null && options.embedMetadata() ? container(provenance, options) : null;
        Path tmp = AtomicFiles.newPartFile(target);
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                if (metadata != null) {
                    out = splicing(out, options.format(), metadata);
                }
                try {
                    encode(image, options, out);
                } catch (RuntimeException e) {
                    // ImageIO writers signal unsupported images with unchecked exceptions; callers get
                    // the documented IOException, naming the file.
                    throw new IOException(target + ": cannot encode as " + options.format() + ": " + e, e);
                }
                if (out instanceof SplicingOutputStream s) {
                    requireSpliced(s, target, options.format());
                }
                out.flush();
                // Forced before the rename, so that a crash cannot leave an empty file at the target.
                channel.force(true);
            }
            AtomicFiles.moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Fails when the encoder stopped before the record's place, so that a file never silently lacks
     * its record. The message names the file: a batch caller must be able to tell which output failed.
     */
    static void requireSpliced(SplicingOutputStream out, Path target, ImageFormat format) throws IOException {
        if (!out.spliced()) {
            throw new IOException(target + ": the " + format + " encoder's output ended before the"
                    + " provenance record could be inserted");
        }
    }

    /** The XMP chunk or segment for the format, built before any file is touched. */
    private static byte[] container(Provenance provenance, ImageWriteOptions options) {
        byte[] packet = XmpWriter.packet(provenance);
        return options.format() == ImageFormat.PNG ? PngXmp.chunk(packet) : JpegXmp.segment(packet);
    }

    private static OutputStream splicing(OutputStream out, ImageFormat format, byte[] metadata) {
        return new SplicingOutputStream(
                out, format == ImageFormat.PNG ? PngXmp::insertionPoint : JpegXmp::insertionPoint, metadata);
    }

    static void encode(BufferedImage image, ImageWriteOptions options, OutputStream out) throws IOException {
        if (options.format() == ImageFormat.JPEG) {
            JpegStripeEncoder.encode(jpegCompatible(image), options.jpegQuality(), out);
            return;
        }
        if (PngEncoder.supports(image)) {
            PngEncoder.encode(image, out);
            return;
        }
        // Palette, 16-bit and other layouts: ImageIO keeps them as they are.
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("this JVM has no ImageIO writer for png");
        }
        ImageWriter writer = writers.next();
        // A memory cache, not ImageIO's default file cache: no stray files in java.io.tmpdir.
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }
    }

    /**
     * JPEG has no alpha, and ImageIO writes 4-channel input as a JPEG that other readers take for
     * CMYK; so anything but plain RGB or gray is converted, alpha flattened onto white.
     */
    static BufferedImage jpegCompatible(BufferedImage image) {
        int type = image.getType();
        boolean plain = type == BufferedImage.TYPE_INT_RGB
                || type == BufferedImage.TYPE_3BYTE_BGR
                || type == BufferedImage.TYPE_BYTE_GRAY;
        return plain ? image : PhotoReader.toSrgb(image, false);
    }
}
