package io.github.colorize.remote.internal;

import io.github.colorize.ColorizeException;
import io.github.colorize.internal.image.PixelBuffers;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Encodes the photo for upload as PNG: lossless, so the service sees the scan's grain rather than our
 * compression, and 8-bit gray when every pixel is neutral (a third of the bytes for the usual black and
 * white scan). Stateless; thread-safe.
 */
final class UploadEncoder {

    static final String FILE_NAME = "image.png";
    static final String MEDIA_TYPE = "image/png";

    private UploadEncoder() {}

    /**
     * Encodes pixels.
     *
     * @param rgb packed {@code 0xRRGGBB}, {@code w·h} long (not modified)
     * @param w width
     * @param h height
     * @return the upload
     */
    static Upload.Photo encode(int[] rgb, int w, int h) {
        BufferedImage img = isGray(rgb) ? gray(rgb, w, h) : PixelBuffers.toImage(rgb, w, h);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, rgb.length));
        try {
            if (!ImageIO.write(img, "png", out)) {
                throw new ColorizeException("deepai: this JVM has no PNG encoder to upload the photo with");
            }
        } catch (IOException e) {
            throw new ColorizeException("deepai: could not encode the photo as PNG for upload: " + e.getMessage(), e);
        }
        return new Upload.Photo(out.toByteArray(), FILE_NAME, MEDIA_TYPE);
    }

    static boolean isGray(int[] rgb) {
        for (int p : rgb) {
            int r = (p >> 16) & 0xFF;
            if (r != ((p >> 8) & 0xFF) || r != (p & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static BufferedImage gray(int[] rgb, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        // Written to the raster directly: going through Graphics or setRGB would treat gray as linear.
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < rgb.length; i++) {
            data[i] = (byte) rgb[i];
        }
        return img;
    }
}
