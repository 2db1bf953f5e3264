package io.github.colorize.video.internal.stabilize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SceneCutDetectorTest {

    @Test
    void distanceIsZeroForTheSameHistogramAndOneForDisjointOnes() {
        SceneCutDetector d = new SceneCutDetector();
        float[] light = new float[100];
        Arrays.fill(light, 200);
        float[] dark = new float[100];
        Arrays.fill(dark, 20);
        assertThat(d.distance(light)).isEqualTo(1.0); // first frame
        assertThat(d.distance(light)).isEqualTo(0.0);
        assertThat(d.distance(dark)).isEqualTo(1.0);
        float[] half = new float[100];
        Arrays.fill(half, 0, 50, 20);
        Arrays.fill(half, 50, 100, 200);
        assertThat(d.distance(half)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aModerateChangeIsACutOnlyWhenMotionAlsoFailsToMatch() {
        assertThat(SceneCutDetector.isCut(SceneCutDetector.HARD, 0)).isTrue();
        assertThat(SceneCutDetector.isCut(SceneCutDetector.SOFT, SceneCutDetector.MISMATCH))
                .isTrue();
        assertThat(SceneCutDetector.isCut(SceneCutDetector.SOFT, SceneCutDetector.MISMATCH - 1))
                .isFalse();
        assertThat(SceneCutDetector.isCut(SceneCutDetector.SOFT - 0.01, 100)).isFalse();
    }
}
