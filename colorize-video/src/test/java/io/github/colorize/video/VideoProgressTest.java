package io.github.colorize.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VideoProgressTest {

    @Test
    void etaAndRateFollowTheFramesSoFar() {
        VideoProgress p = new VideoProgress(25, 100, Duration.ofSeconds(10), 2);
        assertThat(p.framesPerSecond()).isEqualTo(2.5);
        assertThat(p.fraction()).isEqualTo(0.25);
        assertThat(p.eta()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void unknownTotalsGiveNoEta() {
        VideoProgress p = new VideoProgress(25, -1, Duration.ofSeconds(10), 0);
        assertThat(p.eta()).isNull();
        assertThat(p.fraction()).isEqualTo(-1);
        assertThat(new VideoProgress(0, 100, Duration.ZERO, 0).eta()).isNull();
        assertThat(new VideoProgress(0, 100, Duration.ZERO, 0).framesPerSecond())
                .isZero();
    }

    @Test
    void anUnderestimatedTotalNeverGivesANegativeEta() {
        VideoProgress p = new VideoProgress(120, 100, Duration.ofSeconds(12), 0);
        assertThat(p.eta()).isZero();
        assertThat(p.fraction()).isEqualTo(1.0);
    }
}
