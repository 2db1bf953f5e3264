package io.github.colorize.video.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimelineGapsTest {

    private static final Rational MS = new Rational(1, 1000);

    @Test
    void aSteadyFilmAndAHalfSpeedStretchAreNotReported() {
        TimelineGaps g = new TimelineGaps(MS);
        long t = 0;
        for (int i = 0; i < 100; i++) {
            g.observe(t);
            t += i < 50 ? 40 : 80; // variable frame rate: half speed in the dark
        }
        assertThat(g.warning()).isEmpty();
    }

    @Test
    void aJumpOfManyFramesIsReportedWithTheFramesMissing() {
        TimelineGaps g = new TimelineGaps(MS);
        g.observe(0);
        g.observe(40);
        g.observe(40 + 40 * 11); // ten frames lost
        g.observe(40 + 40 * 12);
        g.observe(40 + 40 * 12 + 200); // four frames lost: a jump of 5 steps
        g.observe(40 + 40 * 12 + 240);
        assertThat(g.warning())
                .contains("the video jumps ahead at 2 places (about 14 frames missing, the longest jump 0.44 s)");
    }

    @Test
    void aNominalRateFarAboveTheRealOneIsNoGap() {
        // A phone video: the container says 120 fps, the frames come every 33 ms.
        TimelineGaps g = new TimelineGaps(new Rational(1, 90_000));
        for (int i = 0; i < 60; i++) {
            g.observe(i * 3003L);
        }
        assertThat(g.warning()).isEmpty();
    }

    @Test
    void oneOddlyShortStepDoesNotMakeTheNextOrdinaryStepAJump() {
        TimelineGaps g = new TimelineGaps(MS);
        long t = 0;
        for (int i = 0; i < 10; i++) {
            g.observe(t);
            t += i == 5 ? 8 : 40;
        }
        assertThat(g.warning()).isEmpty();
    }

    @Test
    void anUnknownTimeBaseReportsNothing() {
        TimelineGaps g = new TimelineGaps(new Rational(0, 1));
        g.observe(0);
        g.observe(1);
        g.observe(100_000);
        assertThat(g.warning()).isEmpty();
    }
}
