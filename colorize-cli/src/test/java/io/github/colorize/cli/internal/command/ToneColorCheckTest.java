package io.github.colorize.cli.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.cli.testing.Photos;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ToneColorCheckTest {

    private final ToneColorCheck check = ToneColorCheck.INSTANCE;

    @Test
    void grayPhotosAreColorised() {
        assertThat(check.colorReason(Photos.gray(300, 200, 1))).isEmpty();
    }

    @Test
    void sepiaTonedPhotosAreColorised() {
        BufferedImage gray = Photos.gray(300, 200, 2);
        BufferedImage sepia = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                int l = gray.getRGB(x, y) & 0xFF;
                int r = Math.min(255, l + 30);
                int g = Math.min(255, l + 10);
                int b = Math.max(0, l - 20);
                sepia.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        assertThat(check.colorReason(sepia)).isEmpty();
    }

    @Test
    void colorPhotosAreRecognised() {
        assertThat(check.colorReason(Photos.colorful(300, 200)))
                .get()
                .asString()
                .startsWith("already in colour");
    }
}
