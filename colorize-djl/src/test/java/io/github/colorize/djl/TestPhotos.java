package io.github.colorize.djl;

import io.github.colorize.Images;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Photos for the engine comparisons: seeded synthetic ones, and real old photos when they are here. */
public final class TestPhotos {

    /** The shared photo folder, relative to the repository root (the module's parent). */
    public static final Path OLD_PHOTOS = Path.of("..", "..", "shared", "data", "old-photos");

    private TestPhotos() {}

    /**
     * A synthetic gray photo: smooth light, a few shapes and seeded grain, at a seeded size.
     *
     * @param seed the seed
     * @return the photo, {@code TYPE_INT_RGB}
     */
    public static BufferedImage synthetic(long seed) {
        Random r = new Random(seed);
        int w = 64 + r.nextInt(400);
        int h = 64 + r.nextInt(400);
        double cx = r.nextDouble() * w;
        double cy = r.nextDouble() * h;
        double radius = (0.1 + 0.3 * r.nextDouble()) * Math.min(w, h);
        double grain = 12 * r.nextDouble();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 40 + 150.0 * (x + 0.5 * y) / (w + 0.5 * h);
                if (Math.hypot(x - cx, y - cy) < radius) {
                    v = 235 - 0.6 * v;
                }
                if ((x / 9 + y / 13) % 11 == 0) {
                    v *= 0.5;
                }
                int g = (int) Math.max(0, Math.min(255, Math.round(v + grain * r.nextGaussian())));
                img.setRGB(x, y, g << 16 | g << 8 | g);
            }
        }
        return img;
    }

    /**
     * Up to {@code limit} real old photos from {@link #OLD_PHOTOS}, in name order; empty when the folder
     * is absent (the caller skips).
     *
     * @param limit how many
     * @return the files
     */
    public static List<Path> oldPhotos(int limit) {
        Path dir = OLD_PHOTOS.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".jpg"))
                    .sorted()
                    .limit(limit)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a photo through the library's reader (orientation applied, colour converted).
     *
     * @param file the file
     * @return the image
     */
    public static BufferedImage read(Path file) {
        return Images.read(file);
    }

    /**
     * The largest difference of any channel of any pixel, in 8-bit levels.
     *
     * @param a one image
     * @param b another of the same size
     * @return the difference
     */
    public static int maxDelta(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalArgumentException("sizes differ");
        }
        int[] pa = a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth());
        int[] pb = b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth());
        int worst = 0;
        for (int i = 0; i < pa.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                worst = Math.max(worst, Math.abs(((pa[i] >> shift) & 0xFF) - ((pb[i] >> shift) & 0xFF)));
            }
        }
        return worst;
    }

    /**
     * Seeds for the synthetic photos.
     *
     * @param n how many
     * @param seed the seed of the seeds
     * @return the seeds
     */
    public static List<Long> seeds(int n, long seed) {
        Random r = new Random(seed);
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(r.nextLong());
        }
        return out;
    }
}
