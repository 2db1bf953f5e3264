package io.github.colorize.internal.hints;

import static io.github.colorize.internal.hints.SyntheticPhotos.chromaDistance;
import static io.github.colorize.internal.hints.SyntheticPhotos.meanLab;
import static io.github.colorize.internal.hints.SyntheticPhotos.twoRegions;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.ColorHint;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HintCorrectionTest {

    private static final int W = 240;
    private static final int H = 160;
    private static final int EDGE = 120;
    private static final int BLUE = 0x2a4d9b;
    private static final int RED = 0xb06050;

    /** On a gray photo, a sepia one and one in colour: the hint's region takes its chroma, the other none. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"gray, 0, 0", "sepia, 6, 18", "colour, 30, -20"})
    void aPointHintRecolorsItsRegionAndNotTheOther(String kind, float a, float b) {
        int[] photo = twoRegions(W, H, EDGE, 45, 75, a, b, 1);
        int[] out = correct(photo, W, H, List.of(ColorHint.point(40, 80, 2, BLUE)));

        // Across the whole left region, far from the hint, the chroma is the hint's.
        assertThat(chromaDistance(meanLab(out, W, 5, 5, EDGE - 5, H - 5), BLUE)).isLessThan(6);
        // The right region is as the model made it: unchanged pixels, a couple of columns aside.
        int changed = 0;
        for (int y = 0; y < H; y++) {
            for (int x = EDGE + 3; x < W; x++) {
                if (out[y * W + x] != photo[y * W + x]) {
                    changed++;
                }
            }
        }
        assertThat(changed).isZero();
    }

    /**
     * A big disc near an edge weighs as one spot: its many pixels must not outweigh the floor that keeps
     * what leaks across the edge from being normalised up to a full correction. (A disc touching or
     * overhanging a strong edge still leaks a few ΔE: see the README's limits.)
     */
    @Test
    void aBigPointHintNearAnEdgeKeepsToItsOwnRegion() {
        int[] photo = twoRegions(W, H, EDGE, 45, 75, 6, 10, 5);
        int[] out = correct(photo, W, H, List.of(ColorHint.point(EDGE - 8, 80, 6, BLUE)));
        assertThat(chromaDistance(meanLab(out, W, 5, 5, EDGE - 8, H - 5), BLUE)).isLessThan(6);
        double[] right = meanLab(out, W, EDGE + 8, 0, W, H);
        double[] before = meanLab(photo, W, EDGE + 8, 0, W, H);
        assertThat(Math.hypot(right[1] - before[1], right[2] - before[2])).isLessThan(1);
    }

    @Test
    void aStrokeAcrossTheEdgeColorsBothSidesAsAsked() {
        int[] photo = twoRegions(W, H, EDGE, 45, 75, 6, 10, 2);
        int[] out = correct(photo, W, H, List.of(ColorHint.stroke(new double[][] {{60, 80}, {180, 80}}, 6, RED)));
        assertThat(chromaDistance(meanLab(out, W, 5, 5, EDGE - 5, H - 5), RED)).isLessThan(6);
        assertThat(chromaDistance(meanLab(out, W, EDGE + 5, 5, W - 5, H - 5), RED))
                .isLessThan(6);
    }

    @Test
    void twoHintsOnTwoSidesEachKeepTheirOwnSide() {
        int[] photo = twoRegions(W, H, EDGE, 45, 75, 6, 10, 3);
        int[] out = correct(photo, W, H, List.of(ColorHint.point(30, 30, 2, BLUE), ColorHint.point(200, 130, 2, RED)));
        assertThat(chromaDistance(meanLab(out, W, 5, 5, EDGE - 5, H - 5), BLUE)).isLessThan(6);
        assertThat(chromaDistance(meanLab(out, W, EDGE + 5, 5, W - 5, H - 5), RED))
                .isLessThan(6);
    }

    @Test
    void aLargePhotoIsCorrectedThroughTheWorkingSizeAlongItsEdges() {
        int w = 1600;
        int h = 1000;
        int edge = 800;
        int[] photo = twoRegions(w, h, edge, 45, 75, 6, 10, 4);
        int[] out = correct(photo, w, h, List.of(ColorHint.point(300, 500, 2, BLUE)));
        assertThat(chromaDistance(meanLab(out, w, 20, 20, edge - 20, h - 20), BLUE))
                .isLessThan(6);
        double[] right = meanLab(out, w, edge + 20, 20, w - 20, h - 20);
        double[] before = meanLab(photo, w, edge + 20, 20, w - 20, h - 20);
        assertThat(Math.hypot(right[1] - before[1], right[2] - before[2])).isLessThan(1);
    }

    private static int[] correct(int[] rgb, int w, int h, List<ColorHint> hints) {
        return HintCorrection.correct(rgb, w, h, hints, HintCorrection.Tuning.DEFAULT);
    }
}
