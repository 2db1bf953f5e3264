package io.github.colorize.video.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimelineGapsTest {

    private static final Rational MS = new Rational(1, 1000);
    private static final Rational FPS_25 = new Rational(25, 1);

    @Test
    void aSteadyFilmAndAHalfSpeedStretchAreNotReported() {
        TimelineGaps g = new TimelineGaps(MS, FPS_25);
        long t = 0;
        for (int i = 0; i < 100; i++) {
            g.observe(t);
            t += i < 50 ? 40 : 80; // variable frame rate: half speed in the dark
        }
        assertThat(g.warning()).isEmpty();
    }

    @Test
    void aJumpOfManyFramesIsReportedWithTheFramesMissing() {
        TimelineGaps g = new TimelineGaps(MS, FPS_25);
        g.observe(0);
        g.observe(40);
        g.observe(40 + 40 * 11); // ten frames lost
        g.observe(40 + 40 * 12);
        g.observe(40 + 40 * 12 + 200); // four frames lost: a jump of 5 frame durations
        assertThat(g.warning())
                .contains("the video jumps ahead at 2 places (about 14 frames missing, the longest jump 0.44 s)");
    }

    @Test
    void anUnknownFrameRateReportsNothing() {
        TimelineGaps g = new TimelineGaps(MS, new Rational(0, 1));
        g.observe(0);
        g.observe(100_000);
        assertThat(g.warning()).isEmpty();
    }
}
