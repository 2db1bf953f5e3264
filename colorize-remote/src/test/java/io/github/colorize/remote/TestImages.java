package io.github.colorize.remote;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Small synthetic images for tests, made in code (no photos in the repository). */
public final class TestImages {

    private TestImages() {}

    /** A gray "scan": a gradient with seeded grain, as TYPE_INT_RGB. */
    public static BufferedImage grayScan(int w, int h, long seed) {
        Random rnd = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = Math.max(0, Math.min(255, 30 + (x * 180) / w + (y * 40) / h + rnd.nextInt(21) - 10));
                img.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return img;
    }

    /** A colourful image: sky-blue top, grass-green bottom, a warm band in between. */
    public static BufferedImage colorful(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            int rgb = y < h / 3 ? 0x6FA8DC : y < 2 * h / 3 ? 0xD9A05B : 0x4E8F3A;
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        return img;
    }

    /** Encodes an image. */
    public static byte[] encode(BufferedImage img, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A valid PNG whose header claims other dimensions (for decompression-bomb checks). */
    public static byte[] pngClaiming(int width, int height) {
        byte[] png = encode(colorful(4, 4), "png");
        // IHDR data starts after the 8-byte signature, 4-byte length and 4-byte type.
        writeInt(png, 16, width);
        writeInt(png, 20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        writeInt(png, 29, (int) crc.getValue());
        return png;
    }

    private static void writeInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
