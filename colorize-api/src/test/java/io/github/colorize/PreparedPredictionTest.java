package io.github.colorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.internal.image.PixelBuffers;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PreparedPredictionTest {

    private static BufferedImage prediction(int w, int h) {
        Random rnd = new Random(7);
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 60 + 120 * x / w + (x < w / 2 ? 0 : 40);
                int g = 70 + 100 * y / h;
                int b = 90 + rnd.nextInt(4);
                px[y * w + x] = r << 16 | g << 8 | b;
            }
        }
        return PixelBuffers.toImage(px, w, h);
    }

    @Test
    void rendersTheSamePixelsAsApplyingTheHintsDirectly() {
        for (int[] size : new int[][] {{90, 60}, {1400, 900}}) {
            BufferedImage p = prediction(size[0], size[1]);
            PreparedPrediction prepared = PreparedPrediction.of(p);
            ColorHints hints = ColorHints.builder()
                    .point(10, 10, 2, 0x2a4d9b)
                    .stroke(new double[][] {{size[0] - 20, 5}, {size[0] - 10, size[1] - 5}}, 4, 0xb06050)
                    .build();
            assertThat(PixelBuffers.rgb(prepared.render(hints))).isEqualTo(PixelBuffers.rgb(hints.applyTo(p)));
            assertThat(PixelBuffers.rgb(prepared.render(ColorHints.none()))).isEqualTo(PixelBuffers.rgb(p));
        }
    }

    @Test
    void aHintOutsideThePhotoIsRefused() {
        PreparedPrediction prepared = PreparedPrediction.of(prediction(30, 20));
        assertThatThrownBy(() ->
                        prepared.render(ColorHints.builder().point(30, 5, 1, 0).build()))
                .isInstanceOf(MalformedHintsException.class);
    }
}
