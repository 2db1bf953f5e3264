package io.github.colorize.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.colorize.BackendConfig;
import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.Colorizer;
import io.github.colorize.Images;
import io.github.colorize.internal.model.BundledCard;
import io.github.colorize.internal.model.ModelResolver;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundled model on real old photos from {@code ../shared/data/old-photos}, with every setting at
 * its default: the photo keeps its size and its lightness, and gains colour. Skipped when the photos
 * or the trained model are absent.
 */
class BundledModelPhotosTest {

    @Test
    void bundledModelColorisesOldPhotosKeepingTheirLightness() throws Exception {
        assumeTrue(
                ModelResolver.defaults().findResource(BundledCard.ONNX).isPresent(),
                "the trained model has not landed");
        List<Path> photos = photos();
        try (Colorizer c = new OnnxColorizerProvider().create(BackendConfig.defaults())) {
            assertThat(c.model()).isEqualTo(BundledCard.NAME);
            for (Path photo : photos) {
                BufferedImage in = Images.read(photo);
                ColorizedImage out = c.colorize(
                        in, ColorizeOptions.builder().watermark(false).build());
                assertThat(out.image().getWidth()).isEqualTo(in.getWidth());
                assertThat(out.image().getHeight()).isEqualTo(in.getHeight());
                assertThat(out.provenance().device()).isEqualTo("cpu");
                assertThat(out.provenance().renderFactor()).isBetween(7, 45);
                double[] stats = compare(in, out.image());
                assertThat(stats[0])
                        .as("%s: mean |Δ luma|", photo.getFileName())
                        .isLessThan(2.0);
                assertThat(stats[1]).as("%s: mean chroma", photo.getFileName()).isGreaterThan(2.0);
            }
        }
    }

    /** Mean absolute luma difference, and mean chroma (max − min channel) of the result. */
    private static double[] compare(BufferedImage in, BufferedImage out) {
        long dl = 0;
        long chroma = 0;
        int w = in.getWidth();
        int h = in.getHeight();
        int[] a = in.getRGB(0, 0, w, h, null, 0, w);
        int[] b = out.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < a.length; i++) {
            dl += Math.abs(luma(a[i]) - luma(b[i]));
            int r = (b[i] >> 16) & 0xFF;
            int g = (b[i] >> 8) & 0xFF;
            int bl = b[i] & 0xFF;
            chroma += Math.max(r, Math.max(g, bl)) - Math.min(r, Math.min(g, bl));
        }
        return new double[] {(double) dl / a.length, (double) chroma / a.length};
    }

    private static int luma(int p) {
        return (19595 * ((p >> 16) & 0xFF) + 38470 * ((p >> 8) & 0xFF) + 7471 * (p & 0xFF) + 32768) >> 16;
    }

    /** Three photos from {@code shared/data/old-photos} in the nearest ancestor that has them. */
    private static List<Path> photos() throws Exception {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path dir = p.resolve("shared/data/old-photos");
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    return s.filter(f -> f.getFileName().toString().endsWith(".jpg"))
                            .sorted()
                            .limit(3)
                            .toList();
                }
            }
        }
        assumeTrue(false, "shared/data/old-photos is absent");
        return List.of();
    }
}
