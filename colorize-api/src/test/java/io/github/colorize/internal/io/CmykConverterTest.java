package io.github.colorize.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class CmykConverterTest {

    @Test
    void plainCmykIsInk() {
        // (255 − 30)(255 − 40)/255 = 189.7 → 190; (255 − 120)·215/255 = 113.8 → 114; 55·215/255 = 46.4 → 46
        BufferedImage out = CmykConverter.toRgb(TestImages.flatRaster(1, 1, 30, 120, 200, 40));

        assertThat(out.getRGB(0, 0) & 0xFFFFFF).isEqualTo(190 << 16 | 114 << 8 | 46);
    }

    @Test
    void paperAndFullBlack() {
        assertThat(CmykConverter.toRgb(TestImages.flatRaster(1, 1, 0, 0, 0, 0)).getRGB(0, 0) & 0xFFFFFF)
                .isEqualTo(0xFFFFFF);
        assertThat(CmykConverter.toRgb(TestImages.flatRaster(1, 1, 0, 0, 0, 255))
                                .getRGB(0, 0)
                        & 0xFFFFFF)
                .isZero();
    }

    @Test
    void refusesOtherBandCounts() {
        assertThatThrownBy(() -> CmykConverter.toRgb(TestImages.flatRaster(1, 1, 1, 2, 3)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
