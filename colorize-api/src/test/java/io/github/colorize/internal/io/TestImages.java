package io.github.colorize.internal.io;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Builds small synthetic image files in memory for the reader tests. */
final class TestImages {

    private TestImages() {}

    /** Encodes with the JDK's writer for the format ("png", "jpeg", "gif", "bmp", "tiff", "wbmp"). */
    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer for type " + image.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A JPEG at quality 1.0 (least loss, so that flat colours survive nearly exactly). */
    static byte[] jpegBestQuality(BufferedImage image) {
        return jpegBestQuality(new IIOImage(image, null, null));
    }

    /**
     * A four-component JPEG holding these raw samples, with no colour conversion by the writer (the
     * JDK writer stores four-band rasters as they are), and an Adobe APP14 segment with the given
     * transform spliced in after SOI unless it is -1.
     *
     * <p>Checked once against Pillow 9.4 (libjpeg): with transform 0 it reads the samples back
     * inverted as CMYK ink, and with transform 2 it applies the YCCK conversion, as our reader does.
     */
    static byte[] fourComponentJpeg(Raster samples, int adobeTransform) {
        byte[] jpeg = jpegBestQuality(new IIOImage(samples, null, null));
        if (adobeTransform < 0) {
            return jpeg;
        }
        byte[] app14 = {
            (byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) adobeTransform
        };
        return spliceAfterSoi(jpeg, app14);
    }

    /** A 4-band byte raster filled with one sample tuple. */
    static WritableRaster flatRaster(int w, int h, int... samples) {
        WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, samples.length, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                r.setPixel(x, y, samples);
            }
        }
        return r;
    }

    private static byte[] jpegBestQuality(IIOImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(1f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Inserts a whole marker segment right after a JPEG's SOI marker. */
    static byte[] spliceAfterSoi(byte[] jpeg, byte[] segment) {
        byte[] out = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(segment, 0, out, 2, segment.length);
        System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
        return out;
    }

    /** A minimal TIFF block with IFD0 holding an Orientation entry (and one entry before it). */
    static byte[] tiffWithOrientation(int orientation, ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4).order(order);
        b.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        b.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        b.putShort((short) 42).putInt(8);
        b.putShort((short) 2);
        b.putShort((short) 0x010F).putShort((short) 2).putInt(4).putInt(0x41424300); // Make: "ABC"
        b.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        b.putInt(0); // no next IFD
        return b.array();
    }

    /** An APP1 Exif segment (marker, length, "Exif\0\0", TIFF block). */
    static byte[] exifSegment(byte[] tiff) {
        int length = 2 + 6 + tiff.length;
        byte[] seg = new byte[2 + length];
        seg[0] = (byte) 0xFF;
        seg[1] = (byte) 0xE1;
        seg[2] = (byte) (length >> 8);
        seg[3] = (byte) length;
        byte[] id = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(id, 0, seg, 4, 6);
        System.arraycopy(tiff, 0, seg, 10, tiff.length);
        return seg;
    }

    /** A PNG chunk with a correct CRC. */
    static byte[] pngChunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        b.putInt(data.length).put(t).put(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** Inserts a chunk right after a PNG's IHDR chunk (signature 8 bytes + IHDR 25 bytes). */
    static byte[] insertAfterIhdr(byte[] png, byte[] chunk) {
        int at = 8 + 25;
        byte[] out = Arrays.copyOf(png, png.length + chunk.length);
        System.arraycopy(chunk, 0, out, at, chunk.length);
        System.arraycopy(png, at, out, at + chunk.length, png.length - at);
        return out;
    }

    /** Replaces the width and height in a PNG's IHDR and fixes its CRC. */
    static byte[] withPngSize(byte[] png, int width, int height) {
        byte[] out = png.clone();
        ByteBuffer b = ByteBuffer.wrap(out);
        b.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(out, 12, 17);
        b.putInt(29, (int) crc.getValue());
        return out;
    }

    /** Packed RGB of every pixel, row-major (test code, so per-pixel access is fine). */
    static int[] rgb(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** Like {@link #rgb} without the alpha byte. */
    static int[] rgb24(BufferedImage image) {
        int[] px = rgb(image);
        for (int i = 0; i < px.length; i++) {
            px[i] &= 0xFFFFFF;
        }
        return px;
    }
}
