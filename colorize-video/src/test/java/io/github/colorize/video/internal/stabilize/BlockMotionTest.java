package io.github.colorize.video.internal.stabilize;

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

    /**
     * The search takes shortcuts (zero vector first, early exits, no clamping inside, candidates
     * tried once, parallel bands); it must still give exactly what the plain scan gives, ties and
     * borders included. Coarse levels and flat patches make ties common.
     */
    @ParameterizedTest
    @MethodSource("shifts")
    void givesExactlyWhatAPlainScanGives(long seed, int sx, int sy) {
        Grid grid = new Grid(150, 111, 3, 50, 37); // partial blocks at the right and bottom
        Random rnd = new Random(seed);
        // Levels of ±8 in equal numbers: both frames' means are exactly 0, every difference is 0 or
        // 16, and a displacement of 5 cells costs exactly 8 mismatches: ties are common.
        float[] previous = new float[grid.size()];
        for (int i = 0; i < previous.length; i++) {
            previous[i] = i % 2 == 0 ? 8 : -8;
        }
        for (int i = previous.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            float t = previous[i];
            previous[i] = previous[j];
            previous[j] = t;
        }
        float[] current = new float[grid.size()];
        for (int y = 0; y < 37; y++) {
            for (int x = 0; x < 50; x++) {
                // A wrapped shift keeps the same values, so the mean stays exactly 0.
                current[y * 50 + x] = previous[Math.floorMod(y - sy, 37) * 50 + Math.floorMod(x - sx, 50)];
            }
        }
        BlockMotion fast = new BlockMotion(grid);
        fast.estimate(previous, current);
        PlainScan plain = new PlainScan(50, 37);
        plain.estimate(previous, current);
        assertThat(fast.dx).isEqualTo(plain.dx);
        assertThat(fast.dy).isEqualTo(plain.dy);
        assertThat(fast.residual).isEqualTo(plain.residual);
    }

    /**
     * The zero vector is tried first, but a tie is still won by the vector a plain scan meets first.
     * Two 8×8 blocks whose rows are all alike: in the left block, the content moved 5 cells to the
     * right except for one cell a row, so that the zero vector (8 mismatches of 16 levels) and
     * (−5, 0) (a penalty of exactly 5 · 0.4 · 64 = 128) cost the same, and every other vector more.
     * The right block keeps both frames' means at exactly 0.
     */
    @org.junit.jupiter.api.Test
    void aTieWithTheZeroVectorGoesToTheVectorScannedFirst() {
        float[] previousRow = {8, -8, 8, 8, 8, 8, -8, 8, 8, 8, -8, -8, -8, -8, -8, -8};
        float[] currentRow = {8, 8, 8, 8, 8, 8, -8, 8, 8, -8, -8, -8, -8, -8, -8, -8};
        float[] previous = new float[16 * 8];
        float[] current = new float[16 * 8];
        for (int y = 0; y < 8; y++) {
            System.arraycopy(previousRow, 0, previous, y * 16, 16);
            System.arraycopy(currentRow, 0, current, y * 16, 16);
        }
        Grid grid = new Grid(16, 8, 1, 16, 8);
        BlockMotion fast = new BlockMotion(grid);
        fast.estimate(previous, current);
        PlainScan plain = new PlainScan(16, 8);
        plain.estimate(previous, current);
        assertThat(plain.blockDx[0]).isEqualTo(-5);
        assertThat(plain.blockDy[0]).isZero();
        assertThat(fast.dx).isEqualTo(plain.dx);
        assertThat(fast.dy).isEqualTo(plain.dy);
        assertThat(fast.residual).isEqualTo(plain.residual);
    }

    /** The straightforward search the class implements, as first written: the oracle. */
    private static final class PlainScan {
        final int gw;
        final int gh;
        final int bw;
        final int bh;
        final int[] blockDx;
        final int[] blockDy;
        final int[] dx;
        final int[] dy;
        final float[] residual;
        int tiesWithZero;

        PlainScan(int gw, int gh) {
            this.gw = gw;
            this.gh = gh;
            this.bw = (gw + BlockMotion.BLOCK - 1) / BlockMotion.BLOCK;
            this.bh = (gh + BlockMotion.BLOCK - 1) / BlockMotion.BLOCK;
            blockDx = new int[bw * bh];
            blockDy = new int[bw * bh];
            dx = new int[gw * gh];
            dy = new int[gw * gh];
            residual = new float[gw * gh];
        }

        void estimate(float[] previous, float[] current) {
            float[] p = BlockMotion.centred(previous);
            float[] c = BlockMotion.centred(current);
            int b = BlockMotion.BLOCK;
            int r = BlockMotion.RADIUS;
            for (int by = 0; by < bh; by++) {
                for (int bx = 0; bx < bw; bx++) {
                    int x0 = bx * b;
                    int y0 = by * b;
                    int x1 = Math.min(gw, x0 + b);
                    int y1 = Math.min(gh, y0 + b);
                    int cells = (x1 - x0) * (y1 - y0);
                    float best = Float.MAX_VALUE;
                    for (int vy = -r; vy <= r; vy++) {
                        for (int vx = -r; vx <= r; vx++) {
                            float cost = 0.4f * cells * (Math.abs(vx) + Math.abs(vy));
                            for (int y = y0; y < y1; y++) {
                                for (int x = x0; x < x1; x++) {
                                    cost += Math.abs(c[y * gw + x]
                                            - p[BlockMotion.clamp(y + vy, gh) * gw + BlockMotion.clamp(x + vx, gw)]);
                                }
                            }
                            if (vx == 0 && vy == 0 && cost == best) {
                                tiesWithZero++;
                            }
                            if (cost < best) {
                                best = cost;
                                blockDx[by * bw + bx] = vx;
                                blockDy[by * bw + bx] = vy;
                            }
                        }
                    }
                }
            }
            for (int y = 0; y < gh; y++) {
                for (int x = 0; x < gw; x++) {
                    float best = Float.MAX_VALUE;
                    for (int k = 0; k < 5; k++) {
                        int nx = x / b + (k == 1 ? -1 : k == 2 ? 1 : 0);
                        int ny = y / b + (k == 3 ? -1 : k == 4 ? 1 : 0);
                        if (nx < 0 || ny < 0 || nx >= bw || ny >= bh) {
                            continue;
                        }
                        int vx = blockDx[ny * bw + nx];
                        int vy = blockDy[ny * bw + nx];
                        float sum = 0;
                        int n = 0;
                        for (int oy = -1; oy <= 1; oy++) {
                            for (int ox = -1; ox <= 1; ox++) {
                                int cx = x + ox;
                                int cy = y + oy;
                                if (cx >= 0 && cy >= 0 && cx < gw && cy < gh) {
                                    sum += Math.abs(c[cy * gw + cx]
                                            - p[BlockMotion.clamp(cy + vy, gh) * gw + BlockMotion.clamp(cx + vx, gw)]);
                                    n++;
                                }
                            }
                        }
                        float e = sum / n;
                        if (e < best) {
                            best = e;
                            dx[y * gw + x] = vx;
                            dy[y * gw + x] = vy;
                        }
                    }
                    residual[y * gw + x] = best;
                }
            }
        }
    }
}
