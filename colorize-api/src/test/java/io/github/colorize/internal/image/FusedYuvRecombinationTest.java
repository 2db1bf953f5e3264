package io.github.colorize.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DeOldify's fused resize-and-recombine ({@link ChromaRecombiner#recombineYuvResized}) and the row
 * streaming resize under it ({@link PillowResample#resizeRgbRows}) must give the bytes of the
 * whole-image steps they replace, which the golden tests pin: up- and down-sampling, one axis kept,
 * both filters, strengths around 1, sizes large enough to run in parallel bands.
 */
class FusedYuvRecombinationTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(56, 56, 700, 400, PillowResample.Filter.BILINEAR, 1f, 21L),
                Arguments.of(80, 60, 333, 260, PillowResample.Filter.BICUBIC, 0.6f, 22L),
                Arguments.of(300, 40, 300, 997, PillowResample.Filter.BILINEAR, 1.4f, 23L),
                Arguments.of(64, 600, 640, 600, PillowResample.Filter.BILINEAR, 1f, 24L),
                Arguments.of(900, 700, 450, 350, PillowResample.Filter.BICUBIC, 1f, 25L),
                Arguments.of(7, 5, 7, 5, PillowResample.Filter.BILINEAR, 0f, 26L));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void fusedEqualsResizeThenRecombine(int cw, int ch, int w, int h, PillowResample.Filter f, float s, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] original = rnd.ints(w * h, 0, 1 << 24).toArray();
        int[] color = rnd.ints(cw * ch, 0, 1 << 24).toArray();

        int[] expected = ChromaRecombiner.recombineYuv(original, PillowResample.resizeRgb(color, cw, ch, w, h, f), s);

        assertThat(ChromaRecombiner.recombineYuvResized(original, w, h, color, cw, ch, f, s))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void streamedRowsAreTheResizedImagesRowsEachOnce(
            int cw, int ch, int w, int h, PillowResample.Filter f, float s, long seed) {
        int[] color = new SplittableRandom(seed).ints(cw * ch, 0, 1 << 24).toArray();
        int[] whole = PillowResample.resizeRgb(color, cw, ch, w, h, f);
        int[] streamed = new int[w * h];
        ConcurrentHashMap<Integer, Boolean> seen = new ConcurrentHashMap<>();

        PillowResample.resizeRgbRows(color, cw, ch, w, h, f, (y, row) -> {
            assertThat(seen.put(y, true)).as("row %d twice", y).isNull();
            System.arraycopy(row, 0, streamed, y * w, w);
        });

        assertThat(seen).hasSize(h);
        assertThat(streamed).isEqualTo(whole);
    }
}
