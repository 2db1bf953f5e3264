package io.github.colorize.remote.internal;

import io.github.colorize.internal.image.PixelBuffers;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes and checks the service's result file. The size is checked from the header before decoding
 * (against decompression bombs), and any decoder warning counts as damage: ImageIO decodes a truncated
 * JPEG without an exception, filling the missing rows with gray and merely warning "Missing EOI marker".
 * Stateless; thread-safe.
 */
final class ResultDecoder {

    /** Pixels of the service's result: far above anything it returns, far below a bomb. */
    static final long MAX_PIXELS = 100_000_000L;

    private ResultDecoder() {}

    /**
     * A decoded result.
     *
     * @param rgb packed {@code 0xRRGGBB}
     * @param width the width
     * @param height the height
     * @param format the decoder's format name, lower case
     */
    record Decoded(int[] rgb, int width, int height, String format) {}

    /** The result cannot be used; the message says why. */
    static final class UnusableResultException extends Exception {
        private static final long serialVersionUID = 1L;

        UnusableResultException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Decodes the result.
     *
     * @param bytes the downloaded file
     * @return the pixels
     * @throws UnusableResultException if it is not an image, damaged or too large
     */
    static Decoded decode(byte[] bytes) throws UnusableResultException {
        return decode(bytes, MAX_PIXELS);
    }

    /**
     * Decodes the result with another pixel limit (the fuzz test's, which keeps each run fast).
     *
     * @param bytes the downloaded file
     * @param maxPixels the most pixels the header may declare
     * @return the pixels
     * @throws UnusableResultException if it is not an image, damaged or too large
     */
    static Decoded decode(byte[] bytes, long maxPixels) throws UnusableResultException {
        if (bytes.length == 0) {
            throw new UnusableResultException("the result is empty", null);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UnusableResultException(
                        "the result (" + bytes.length + " bytes) is not an image this JVM can read", null);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if ((long) w * h > maxPixels) {
                    throw new UnusableResultException(
                            "the result claims " + w + "x" + h + " pixels, over the limit of " + maxPixels, null);
                }
                BufferedImage img = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new UnusableResultException(
                            "the result is damaged or truncated (decoder: " + String.join("; ", warnings) + ")", null);
                }
                return new Decoded(
                        PixelBuffers.rgb(img), w, h, reader.getFormatName().toLowerCase(Locale.ROOT));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new UnusableResultException("the result does not decode: " + e.getMessage(), e);
        }
    }
}
