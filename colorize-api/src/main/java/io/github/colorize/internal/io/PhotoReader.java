package io.github.colorize.internal.io;

import io.github.colorize.ImageReadOptions;
import io.github.colorize.ImageTooLargeException;
import io.github.colorize.SourceImage;
import io.github.colorize.UndecodableImageException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Decodes photo files into 8-bit sRGB with a header-checked pixel limit. Stateless, thread-safe. */
public final class PhotoReader {

    private PhotoReader() {}

    /**
     * Reads a file.
     *
     * @param file the file
     * @param options how to read
     * @return the decoded photo
     */
    public static SourceImage read(Path file, ImageReadOptions options) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UndecodableImageException(file, "no such file", e);
        } catch (IOException e) {
            throw new UndecodableImageException(file, "cannot read: " + e.getMessage(), e);
        }
        return decode(file, bytes, options);
    }

    /**
     * Decodes bytes.
     *
     * @param file the file name for messages, or null
     * @param bytes the encoded image
     * @param options how to read
     * @return the decoded photo
     */
    public static SourceImage decode(Path file, byte[] bytes, ImageReadOptions options) {
        String sha = sha256(bytes);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UndecodableImageException(file, "not an image format this JVM can read", null);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if ((long) w * h > options.maxPixels()) {
                    throw new ImageTooLargeException(file, w, h, options.maxPixels());
                }
                BufferedImage raw = reader.read(0);
                String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
                return new SourceImage(toSrgb(raw, options.keepAlpha()), sha, format);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UndecodableImageException || e instanceof ImageTooLargeException) {
                throw (RuntimeException) e;
            }
            throw new UndecodableImageException(file, String.valueOf(e.getMessage()), e);
        }
    }

    static BufferedImage toSrgb(BufferedImage raw, boolean keepAlpha) {
        boolean alpha = raw.getColorModel().hasAlpha();
        int type = alpha && keepAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (raw.getType() == type) {
            return raw;
        }
        BufferedImage out = new BufferedImage(raw.getWidth(), raw.getHeight(), type);
        Graphics2D g = out.createGraphics();
        try {
            if (type == BufferedImage.TYPE_INT_RGB) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, raw.getWidth(), raw.getHeight());
            }
            g.drawImage(raw, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * SHA-256 as lower-case hex.
     *
     * @param bytes the data
     * @return the hash
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }
}
