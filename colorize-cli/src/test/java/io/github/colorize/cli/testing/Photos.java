package io.github.colorize.cli.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small synthetic photos for tests, made on the fly (no fixtures from ../shared/data). */
public final class Photos {

    private Photos() {}

    /**
     * A gray gradient with seeded noise, as a "black-and-white scan".
     *
     * @param w width
     * @param h height
     * @param seed varies the noise, so files differ
     * @return the image
     */
    public static BufferedImage gray(int w, int h, long seed) {
        Random rnd = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = Math.max(0, Math.min(255, (x * 255 / Math.max(1, w - 1) + y * 3 + rnd.nextInt(9) - 4)));
                img.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return img;
    }

    /**
     * A photo with many saturated hues, as a "colour photo".
     *
     * @param w width
     * @param h height
     * @return the image
     */
    public static BufferedImage colorful(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float hue = (float) x / w;
                img.setRGB(x, y, java.awt.Color.HSBtoRGB(hue, 0.8f, 0.4f + 0.5f * y / h) & 0xFFFFFF);
            }
        }
        return img;
    }

    /**
     * Writes an image file; the format comes from the extension.
     *
     * @param image the pixels
     * @param file the file (folders are created)
     * @return the file
     */
    public static Path write(BufferedImage image, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String name = file.getFileName().toString();
            String format = name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
            if (format.equals("jpg")) {
                format = "jpeg";
            }
            if (!ImageIO.write(image, format, file.toFile())) {
                throw new IOException("no ImageIO writer for " + format);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
