package io.github.colorize.video.internal.stabilise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BlockMotionTest {

    static Stream<Arguments> shifts() {
        Random rnd = new Random(77);
        return Stream.generate(() -> Arguments.of(
                        rnd.nextLong(),
                        rnd.nextInt(2 * BlockMotion.RADIUS + 1) - BlockMotion.RADIUS,
                        rnd.nextInt(2 * BlockMotion.RADIUS + 1) - BlockMotion.RADIUS))
                .limit(10);
    }

    /**
     * Content moved by (sx, sy) and brightened: every interior cell points back by (−sx, −sy), and the
     * brightening is not counted as mismatch (bar the shift in mean from the clamped borders).
     */
    @ParameterizedTest
    @MethodSource("shifts")
    void findsAGlobalShiftOfTexturedContent(long seed, int sx, int sy) {
        Grid grid = new Grid(96, 80, 1, 96, 80);
        Random rnd = new Random(seed);
        float[] texture = new float[grid.size()];
        for (int i = 0; i < texture.length; i++) {
            texture[i] = rnd.nextInt(200);
        }
        float[] moved = new float[grid.size()];
        for (int y = 0; y < 80; y++) {
            for (int x = 0; x < 96; x++) {
                int px = BlockMotion.clamp(x - sx, 96);
                int py = BlockMotion.clamp(y - sy, 80);
                moved[y * 96 + x] = texture[py * 96 + px] + 9; // and a little brighter overall
            }
        }
        BlockMotion m = new BlockMotion(grid);
        m.estimate(texture, moved);
        int margin = BlockMotion.BLOCK + BlockMotion.RADIUS;
        for (int y = margin; y < 80 - margin; y++) {
            for (int x = margin; x < 96 - margin; x++) {
                int i = y * 96 + x;
                assertThat(m.dx[i]).as("dx at %d,%d", x, y).isEqualTo(-sx);
                assertThat(m.dy[i]).as("dy at %d,%d", x, y).isEqualTo(-sy);
                assertThat(m.residual[i]).isLessThan(1.5f);
            }
        }
    }
}
