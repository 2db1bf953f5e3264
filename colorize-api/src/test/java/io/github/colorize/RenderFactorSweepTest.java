package io.github.colorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderFactorSweepTest {

    /** Records the factors it was asked for; tints the photo by the factor so results differ. */
    static final class RecordingColorizer implements Colorizer {
        final List<RenderFactor> asked = new ArrayList<>();

        @Override
        public String backend() {
            return "test";
        }

        @Override
        public String model() {
            return "tint";
        }

        @Override
        public ColorizedImage colorize(BufferedImage image, ColorizeOptions options) {
            asked.add(options.renderFactor());
            int f = options.renderFactor().value().orElse(0);
            BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < out.getHeight(); y++) {
                for (int x = 0; x < out.getWidth(); x++) {
                    out.setRGB(x, y, (image.getRGB(x, y) & 0xFFFF) | (f << 16));
                }
            }
            return new ColorizedImage(out, Provenance.of("test", "tint", null, f, 1, "cpu", Timings.ZERO));
        }

        @Override
        public void close() {}
    }

    private static BufferedImage photo(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, (x * 7 + y * 3) & 0xFF);
            }
        }
        return img;
    }

    @Test
    void runsEachDistinctFactorInOrderKeepingTheOtherOptions() {
        RecordingColorizer c = new RecordingColorizer();
        ColorizeOptions options = ColorizeOptions.builder().chromaStrength(1.5).build();

        List<ColorizedImage> results = RenderFactorSweep.run(c, photo(40, 30), options, List.of(20, 10, 20, 45));

        assertThat(c.asked).containsExactly(RenderFactor.of(20), RenderFactor.of(10), RenderFactor.of(45));
        assertThat(results).extracting(r -> r.provenance().renderFactor()).containsExactly(20, 10, 45);
        assertThat(results).allSatisfy(r -> assertThat(r.image().getWidth()).isEqualTo(40));
    }

    @Test
    void rejectsEmptyAndOutOfRangeFactorsBeforeWorking() {
        RecordingColorizer c = new RecordingColorizer();
        assertThatThrownBy(() -> RenderFactorSweep.run(c, photo(4, 4), ColorizeOptions.defaults(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RenderFactorSweep.run(c, photo(4, 4), ColorizeOptions.defaults(), List.of(20, 50)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("50");
        assertThat(c.asked).isEmpty();
    }

    @Test
    void readsAFileOnceAndNamesItInEveryResult(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("grandma.png");
        Images.write(photo(16, 12), file, ImageWriteOptions.of(ImageFormat.PNG));

        List<ColorizedImage> results = RenderFactorSweep.run(
                new RecordingColorizer(), file, ColorizeOptions.defaults(), RenderFactorSweep.DEFAULT_FACTORS);

        assertThat(results).hasSize(RenderFactorSweep.DEFAULT_FACTORS.size());
        assertThat(results).allSatisfy(r -> {
            assertThat(r.provenance().sourceName()).isEqualTo("grandma.png");
            assertThat(r.provenance().sourceSha256()).hasSize(64);
        });
    }

    @Test
    void contactSheetHoldsATileForEachResult() {
        List<ColorizedImage> results = RenderFactorSweep.run(
                new RecordingColorizer(), photo(200, 100), ColorizeOptions.defaults(), List.of(10, 20, 30));

        BufferedImage sheet = RenderFactorSweep.contactSheet(results, 100);

        // Two columns, two rows of 100 x 50 tiles plus labels and 12-pixel gaps.
        assertThat(sheet.getWidth()).isEqualTo(12 + 2 * (100 + 12));
        assertThat(sheet.getHeight()).isGreaterThan(2 * 50);
        // The first tile's top-left pixel carries factor 10 in its red channel.
        assertThat((sheet.getRGB(12, 12) >> 16) & 0xFF).isEqualTo(10);
        assertThatThrownBy(() -> RenderFactorSweep.contactSheet(List.of(), 100))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RenderFactorSweep.contactSheet(results, 8))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tileRunsKeepOnlyTilesWithTheirFullRecords() {
        RecordingColorizer c = new RecordingColorizer();

        List<ColorizedImage> tiles =
                RenderFactorSweep.run(c, photo(400, 300), ColorizeOptions.defaults(), List.of(10, 10, 40), 100);

        assertThat(c.asked).containsExactly(RenderFactor.of(10), RenderFactor.of(40));
        assertThat(tiles).allSatisfy(t -> {
            assertThat(t.image().getWidth()).isEqualTo(100);
            assertThat(t.image().getHeight()).isEqualTo(75);
        });
        assertThat(tiles).extracting(t -> t.provenance().renderFactor()).containsExactly(10, 40);
        assertThat((tiles.get(1).image().getRGB(50, 30) >> 16) & 0xFF).isEqualTo(40);
        assertThatThrownBy(() -> RenderFactorSweep.run(c, photo(4, 4), ColorizeOptions.defaults(), List.of(10), 8))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sheetWithTheOriginalPutsItFirstAndNeedsOneResultPerFactor() {
        BufferedImage original = photo(200, 100);
        List<ColorizedImage> tiles = RenderFactorSweep.run(
                new RecordingColorizer(), original, ColorizeOptions.defaults(), List.of(10, 20, 30), 100);

        BufferedImage sheet = RenderFactorSweep.contactSheet(original, List.of(10, 20, 30), tiles, 100);

        // Four tiles: two columns, the original top left (gray: red equals green), factor 10 beside it.
        assertThat(sheet.getWidth()).isEqualTo(12 + 2 * (100 + 12));
        int first = sheet.getRGB(12 + 50, 12 + 20);
        assertThat((first >> 16) & 0xFF).isEqualTo((first >> 8) & 0xFF);
        assertThat((sheet.getRGB(12 + 112, 12) >> 16) & 0xFF).isEqualTo(10);
        assertThatThrownBy(() -> RenderFactorSweep.contactSheet(original, List.of(10, 20), tiles, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one result per factor");
    }
}
