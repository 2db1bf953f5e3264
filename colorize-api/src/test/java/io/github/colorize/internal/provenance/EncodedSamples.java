package io.github.colorize.internal.provenance;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small synthetic images, encoded in memory by ImageIO, for container tests. */
final class EncodedSamples {

    private EncodedSamples() {}

    static BufferedImage image(int w, int h, long seed) {
        Random random = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // smooth gradients plus a little noise: compresses like a photo, not like pure noise
                int r = (x * 255 / w + random.nextInt(8)) & 0xFF;
                int g = (y * 255 / h + random.nextInt(8)) & 0xFF;
                int b = ((x + y) * 127 / (w + h) + random.nextInt(8)) & 0xFF;
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    static byte[] encode(BufferedImage img, String format) {
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

    static byte[] splice(byte[] encoded, int at, byte[] insert) {
        byte[] out = new byte[encoded.length + insert.length];
        System.arraycopy(encoded, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(encoded, at, out, at + insert.length, encoded.length - at);
        return out;
    }
}
