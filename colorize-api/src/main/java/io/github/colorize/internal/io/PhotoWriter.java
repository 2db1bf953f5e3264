package io.github.colorize.internal.io;

import io.github.colorize.ImageFormat;
import io.github.colorize.ImageWriteOptions;
import io.github.colorize.Provenance;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Writes PNG and JPEG atomically (temporary file, then rename). Stateless, thread-safe. */
public final class PhotoWriter {

    private PhotoWriter() {}

    /**
     * Writes an image.
     *
     * @param image the pixels
     * @param provenance the record to embed, or null
     * @param target the file
     * @param options format and quality
     * @throws IOException if writing fails; the target is then untouched
     */
    public static void write(BufferedImage image, Provenance provenance, Path target, ImageWriteOptions options)
            throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                encode(image, options, out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static void encode(BufferedImage image, ImageWriteOptions options, OutputStream out) throws IOException {
        BufferedImage img = image;
        if (options.format() == ImageFormat.JPEG && image.getColorModel().hasAlpha()) {
            img = PhotoReader.toSrgb(image, false);
        }
        String name = options.format() == ImageFormat.PNG ? "png" : "jpeg";
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(name);
        ImageWriter writer = writers.next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (options.format() == ImageFormat.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(options.jpegQuality());
            }
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
