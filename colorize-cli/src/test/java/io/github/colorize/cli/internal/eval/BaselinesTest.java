package io.github.colorize.cli.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BaselinesTest {

    private static int[] randomColors(long seed, int n) {
        Random rnd = new Random(seed);
        int[] px = new int[n];
        for (int i = 0; i < n; i++) {
            px[i] = rnd.nextInt(1 << 24);
        }
        return px;
    }

    @Test
    void grayKeepsLightnessAndDropsChroma() {
        int[] colors = randomColors(1, 2000);
        float[] l = Baselines.lightness(colors);
        int[] gray = Baselines.gray(l);
        float[] l2 = Baselines.lightness(gray);
        for (int i = 0; i < colors.length; i++) {
            int p = gray[i];
            int r = (p >> 16) & 0xFF;
            int g = (p >> 8) & 0xFF;
            int b = p & 0xFF;
            assertThat(Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)))
                    .as("neutral")
                    .isLessThanOrEqualTo(1);
            assertThat(l2[i]).as("L* kept to 8-bit precision").isCloseTo(l[i], within(0.5f));
        }
    }

    @Test
    void sepiaIsOneWarmTone() {
        float[] mid = {50f, 60f, 70f};
        for (int p : Baselines.sepia(mid)) {
            int r = (p >> 16) & 0xFF;
            int g = (p >> 8) & 0xFF;
            int b = p & 0xFF;
            assertThat(r).isGreaterThan(g);
            assertThat(g).isGreaterThan(b);
        }
    }
}
