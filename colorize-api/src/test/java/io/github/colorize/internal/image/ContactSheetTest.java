package io.github.colorize.internal.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContactSheetTest {

    @Test
    void laysTilesOutInAGridWithLabelsUnderneath() {
        BufferedImage wide = gray(400, 200, 1);
        List<ContactSheet.Tile> tiles = List.of(
                new ContactSheet.Tile(wide, "one"),
                new ContactSheet.Tile(wide, "two"),
                new ContactSheet.Tile(gray(100, 100, 2), "three"));
        BufferedImage sheet = ContactSheet.compose(tiles, 2, 100);
        assertThat(sheet.getWidth()).isEqualTo(12 + 2 * (100 + 12));
        int label = Math.max(16, 100 / 14);
        // Row 1: 50 px tall tiles; row 2: 100 px.
        assertThat(sheet.getHeight()).isEqualTo(12 + (50 + label + 12) + (100 + label + 12));
        assertThat(countBrightPixels(sheet, 12, 12 + 50, 100, label))
                .as("label text drawn")
                .isPositive();
        assertThat(countBrightPixels(sheet, 12 + 2 * 112, 12, 10, 10))
                .as("outside the grid")
                .isZero();
    }

    @Test
    void scalingKeepsTheAspectRatioThroughHalvingSteps() {
        BufferedImage big = gray(1600, 900, 3);
        BufferedImage s = ContactSheet.scaleToWidth(big, 160);
        assertThat(s.getWidth()).isEqualTo(160);
        assertThat(s.getHeight()).isEqualTo(90);
        BufferedImage up = ContactSheet.scaleToWidth(gray(50, 20, 4), 100);
        assertThat(up.getHeight()).isEqualTo(40);
    }

    @Test
    void rejectsEmptySheets() {
        assertThatThrownBy(() -> ContactSheet.compose(List.of(), 2, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int countBrightPixels(BufferedImage img, int x0, int y0, int w, int h) {
        int n = 0;
        for (int y = y0; y < Math.min(img.getHeight(), y0 + h); y++) {
            for (int x = x0; x < Math.min(img.getWidth(), x0 + w); x++) {
                if ((img.getRGB(x, y) & 0xFF) > 0xC0) {
                    n++;
                }
            }
        }
        return n;
    }

    /** A noisy horizontal ramp in gray, as RGB. */
    private static BufferedImage gray(int w, int h, long seed) {
        Random rnd = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = Math.max(0, Math.min(255, x * 255 / Math.max(1, w - 1) + y * 3 + rnd.nextInt(9) - 4));
                img.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return img;
    }
}
