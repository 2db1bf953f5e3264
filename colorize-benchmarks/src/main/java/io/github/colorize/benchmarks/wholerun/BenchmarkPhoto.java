package io.github.colorize.benchmarks.wholerun;

import io.github.colorize.ImageFormat;
import io.github.colorize.ImageWriteOptions;
import io.github.colorize.Images;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Makes the benchmark's input: a real old photo from {@code ../shared/data/old-photos} enlarged
 * (bicubic) to the wanted size and saved as a JPEG, or, without the data folder, a synthetic gray
 * scene with grain. Enlarging keeps the content of a real scan; the pixel count is what the
 * benchmark is about.
 */
final class BenchmarkPhoto {

    private BenchmarkPhoto() {}

    static Path create(Path dataDir, int width, int height, Path target) throws IOException {
        Optional<Path> source = largestPhoto(dataDir);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            if (source.isPresent()) {
                BufferedImage src = Images.read(source.get());
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                g.drawImage(src, 0, 0, width, height, null);
            } else {
                synthetic(out);
            }
        } finally {
            g.dispose();
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        Images.write(out, target, ImageWriteOptions.of(ImageFormat.JPEG));
        return target;
    }

    static Optional<Path> largestPhoto(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName()
                            .toString()
                            .toLowerCase(java.util.Locale.ROOT)
                            .endsWith(".jpg"))
                    .max(Comparator.comparingLong(p -> p.toFile().length()));
        }
    }

    private static void synthetic(BufferedImage img) {
        Random r = new Random(12);
        int w = img.getWidth();
        int h = img.getHeight();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 128 + 60 * Math.sin(x / 97.0) * Math.cos(y / 61.0) + 30 * Math.sin((x + 2 * y) / 13.0);
                int g = (int) Math.max(0, Math.min(255, v + r.nextGaussian() * 6));
                row[x] = g * 0x010101;
            }
            img.setRGB(0, y, w, 1, row, 0, w);
        }
    }
}
