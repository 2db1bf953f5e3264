package io.github.colorize.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class CmykConverterTest {

    @Test
    void plainCmykIsInk() {
        // (255 − 30)(255 − 40)/255 = 189.7 → 190; (255 − 120)·215/255 = 113.8 → 114; 55·215/255 = 46.4 → 46
        BufferedImage out = CmykConverter.toRgb(TestImages.flatRaster(1, 1, 30, 120, 200, 40), -1);

        assertThat(out.getRGB(0, 0) & 0xFFFFFF).isEqualTo(190 << 16 | 114 << 8 | 46);
    }

    @Test
    void adobeCmykIsStoredInverted() {
        BufferedImage out = CmykConverter.toRgb(TestImages.flatRaster(1, 1, 225, 135, 55, 215), 0);

        assertThat(out.getRGB(0, 0) & 0xFFFFFF).isEqualTo(190 << 16 | 114 << 8 | 46);
    }

    @Test
    void paperAndFullBlack() {
        assertThat(CmykConverter.toRgb(TestImages.flatRaster(1, 1, 0, 0, 0, 0), -1)
                                .getRGB(0, 0)
                        & 0xFFFFFF)
                .isEqualTo(0xFFFFFF);
        assertThat(CmykConverter.toRgb(TestImages.flatRaster(1, 1, 255, 255, 255, 255), 0)
                                .getRGB(0, 0)
                        & 0xFFFFFF)
                .isEqualTo(0xFFFFFF);
        assertThat(CmykConverter.toRgb(TestImages.flatRaster(1, 1, 0, 0, 0, 255), -1)
                                .getRGB(0, 0)
                        & 0xFFFFFF)
                .isZero();
    }

    @Test
    void ycckIsConvertedToInkFirst() {
        // Ink (30, 120, 200, 40) in Adobe YCCK: Y, Cb, Cr of (30, 120, 200) as if RGB; K inverted.
        int y = (int) Math.round(0.299 * 30 + 0.587 * 120 + 0.114 * 200);
        int cb = (int) Math.round(-0.168736 * 30 - 0.331264 * 120 + 0.5 * 200 + 128);
        int cr = (int) Math.round(0.5 * 30 - 0.418688 * 120 - 0.081312 * 200 + 128);

        int px = CmykConverter.toRgb(TestImages.flatRaster(1, 1, y, cb, cr, 215), 2)
                .getRGB(0, 0);

        assertThat(px >> 16 & 0xFF).isBetween(189, 191);
        assertThat(px >> 8 & 0xFF).isBetween(113, 115);
        assertThat(px & 0xFF).isBetween(45, 47);
    }

    @Test
    void refusesOtherBandCounts() {
        assertThatThrownBy(() -> CmykConverter.toRgb(TestImages.flatRaster(1, 1, 1, 2, 3), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
