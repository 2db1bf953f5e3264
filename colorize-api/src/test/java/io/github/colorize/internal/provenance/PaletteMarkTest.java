package io.github.colorize.internal.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.WatermarkOptions;
import io.github.colorize.WatermarkOptions.Corner;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PaletteMarkTest {

    private static final int WHITE = 0xFFFFFF;
    private static final int BLACK = 0x000000;

    static Stream<Arguments> backgrounds() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (int[] size : new int[][] {{1200, 900}, {320, 240}}) {
            cases.add(Arguments.of("light", WHITE, size[0], size[1]));
            cases.add(Arguments.of("dark", BLACK, size[0], size[1]));
            cases.add(Arguments.of("mid", 0x808080, size[0], size[1]));
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0} background, {2}x{3}")
    @MethodSource("backgrounds")
    void markStandsOutFromPlainBackgrounds(String name, int background, int w, int h) throws IOException {
        BufferedImage img = filled(w, h, background);
        PaletteMark.draw(img, WatermarkOptions.defaults());
        Rectangle box = PaletteMark.bounds(w, h, WatermarkOptions.defaults()).orElseThrow();
        snapshot(img, box, "palette-" + name + "-" + h);

        // At least a third of the box is clearly different (>= 64 levels in some channel) from the
        // background, whatever the background: legible on dark and light photos.
        int strong = 0;
        for (int y = box.y; y < box.y + box.height; y++) {
            for (int x = box.x; x < box.x + box.width; x++) {
                if (maxChannelDiff(img.getRGB(x, y), background) >= 64) {
                    strong++;
                }
            }
        }
        assertThat(strong).isGreaterThan(box.width * box.height / 3);
    }

    @Test
    void defaultMarkIsBottomLeftAndAboutFivePercentOfTheHeight() {
        Rectangle box =
                PaletteMark.bounds(1200, 900, WatermarkOptions.defaults()).orElseThrow();
        assertThat(box.height).isEqualTo(45);
        assertThat(box.x).isLessThan(1200 / 10);
        assertThat(box.y + box.height).isGreaterThan(900 - 900 / 10).isLessThanOrEqualTo(900);
    }

    @ParameterizedTest
    @EnumSource(Corner.class)
    void nothingOutsideTheMarksBoxChanges(Corner corner) {
        WatermarkOptions options = new WatermarkOptions(true, corner, 0.08, 1.0);
        BufferedImage original = noise(500, 340, 11);
        BufferedImage marked = copy(original);
        PaletteMark.draw(marked, options);
        Rectangle box = PaletteMark.bounds(500, 340, options).orElseThrow();

        assertThat(new Rectangle(0, 0, 500, 340).contains(box)).isTrue();
        int changedInside = 0;
        for (int y = 0; y < 340; y++) {
            for (int x = 0; x < 500; x++) {
                boolean same = original.getRGB(x, y) == marked.getRGB(x, y);
                if (box.contains(x, y)) {
                    changedInside += same ? 0 : 1;
                } else {
                    assertThat(same).as("pixel (%d,%d) outside %s", x, y, box).isTrue();
                }
            }
        }
        assertThat(changedInside).isGreaterThan(box.width * box.height / 2);
        assertThat(inCorner(box, 500, 340, corner)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void drawingIsDeterministic(int seed) {
        WatermarkOptions options = new WatermarkOptions(true, Corner.BOTTOM_LEFT, 0.05 * seed, 0.85);
        BufferedImage a = noise(640, 480, seed);
        BufferedImage b = noise(640, 480, seed);
        PaletteMark.draw(a, options);
        PaletteMark.draw(b, options);
        assertThat(pixels(a)).isEqualTo(pixels(b));
    }

    @Test
    void disabledOrTransparentMarkChangesNothing() {
        BufferedImage original = noise(300, 200, 5);
        for (WatermarkOptions options :
                new WatermarkOptions[] {WatermarkOptions.none(), new WatermarkOptions(true, Corner.TOP_LEFT, 0.1, 0)}) {
            BufferedImage img = copy(original);
            PaletteMark.draw(img, options);
            assertThat(pixels(img)).isEqualTo(pixels(original));
        }
    }

    @Test
    void opacityBlendsTowardsTheBackground() {
        WatermarkOptions opaque = new WatermarkOptions(true, Corner.BOTTOM_LEFT, 0.1, 1.0);
        WatermarkOptions faint = new WatermarkOptions(true, Corner.BOTTOM_LEFT, 0.1, 0.3);
        BufferedImage a = filled(400, 400, BLACK);
        BufferedImage b = filled(400, 400, BLACK);
        PaletteMark.draw(a, opaque);
        PaletteMark.draw(b, faint);
        Rectangle box = PaletteMark.bounds(400, 400, opaque).orElseThrow();
        long sumOpaque = 0;
        long sumFaint = 0;
        for (int y = box.y; y < box.y + box.height; y++) {
            for (int x = box.x; x < box.x + box.width; x++) {
                sumOpaque += maxChannelDiff(a.getRGB(x, y), BLACK);
                sumFaint += maxChannelDiff(b.getRGB(x, y), BLACK);
            }
        }
        assertThat((double) sumFaint / sumOpaque).isBetween(0.25, 0.35);
    }

    @Test
    void sizeFollowsTheConfiguredFraction() {
        WatermarkOptions big = new WatermarkOptions(true, Corner.TOP_RIGHT, 0.2, 0.85);
        assertThat(PaletteMark.bounds(2000, 1000, big).orElseThrow().height).isEqualTo(200);
    }

    @Test
    void tinyImagesGetNoMarkAndSmallOnesAFittingOne() {
        assertThat(PaletteMark.bounds(12, 12, WatermarkOptions.defaults())).isEmpty();
        BufferedImage tiny = filled(12, 12, WHITE);
        PaletteMark.draw(tiny, WatermarkOptions.defaults());
        assertThat(pixels(tiny)).containsOnly(0xFFFFFFFF);

        Optional<Rectangle> small = PaletteMark.bounds(60, 40, WatermarkOptions.defaults());
        assertThat(small).isPresent();
        assertThat(new Rectangle(0, 0, 60, 40).contains(small.get())).isTrue();
        assertThat(small.get().height).isGreaterThanOrEqualTo(PaletteMark.MIN_LEGIBLE);
    }

    private static boolean inCorner(Rectangle box, int w, int h, Corner corner) {
        boolean left = box.x + box.width / 2 < w / 2;
        boolean top = box.y + box.height / 2 < h / 2;
        return switch (corner) {
            case BOTTOM_LEFT -> left && !top;
            case BOTTOM_RIGHT -> !left && !top;
            case TOP_LEFT -> left && top;
            case TOP_RIGHT -> !left && top;
        };
    }

    private static int maxChannelDiff(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d = Math.max(d, Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)));
        }
        return d;
    }

    static BufferedImage filled(int w, int h, int rgb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        return img;
    }

    static BufferedImage noise(int w, int h, long seed) {
        Random random = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return img;
    }

    private static BufferedImage copy(BufferedImage img) {
        BufferedImage c = new BufferedImage(img.getWidth(), img.getHeight(), img.getType());
        c.setData(img.getData());
        return c;
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    /** Writes the full image and an 8x enlargement of the mark's surroundings to target/ for review. */
    private static void snapshot(BufferedImage img, Rectangle box, String name) throws IOException {
        Path dir = Path.of("target", "palette-mark");
        Files.createDirectories(dir);
        ImageIO.write(img, "png", dir.resolve(name + ".png").toFile());
        Rectangle around = new Rectangle(0, box.y - 8, box.x + box.width + 8, box.height + 16)
                .intersection(new Rectangle(0, 0, img.getWidth(), img.getHeight()));
        int zoom = 8;
        BufferedImage big = new BufferedImage(around.width * zoom, around.height * zoom, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = big.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(
                    img.getSubimage(around.x, around.y, around.width, around.height),
                    0,
                    0,
                    big.getWidth(),
                    big.getHeight(),
                    null);
        } finally {
            g.dispose();
        }
        ImageIO.write(big, "png", dir.resolve(name + "-zoom.png").toFile());
    }
}
