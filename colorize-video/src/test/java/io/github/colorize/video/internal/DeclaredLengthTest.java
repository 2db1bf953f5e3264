package io.github.colorize.video.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeclaredLengthTest {

    private static final double STEP = 0.04;

    @Test
    void aStatedFrameCountFallingShortIsReportedInFramesAndSeconds() {
        assertThat(new DeclaredLength(795, -1, false).shortfall(486, 48.6, 0.1))
                .contains("the film ends early: 309 of the 795 frames its container declares are missing"
                        + " (30.9 s of 79.5 s); the file may be cut off (an interrupted download or copy)");
    }

    @Test
    void aStatedDurationFallingShortIsReportedInSecondsAndFrames() {
        assertThat(new DeclaredLength(-1, 10.0, false).shortfall(100, 4.0, STEP))
                .contains("the film ends early: 6.0 s of the 10.0 s its container declares are missing"
                        + " (about 150 frames); the file may be cut off (an interrupted download or copy)");
    }

    @Test
    void whatContainersAreCommonlyOffByIsNotReported() {
        // A frame or two fewer than the count (an encoder's delay, an undecodable first frame).
        assertThat(new DeclaredLength(100, 4.0, false).shortfall(98, 3.92, STEP))
                .isEmpty();
        // Three steps short of a stream's own duration.
        assertThat(new DeclaredLength(-1, 4.0, false).shortfall(97, 3.88, STEP)).isEmpty();
        // Sound that runs on for most of a second after the last picture: the container's duration.
        assertThat(new DeclaredLength(-1, 4.9, true).shortfall(100, 4.0, STEP)).isEmpty();
        assertThat(new DeclaredLength(-1, 5.1, true).shortfall(100, 4.0, STEP)).isPresent();
        // More frames or time than stated.
        assertThat(new DeclaredLength(100, 4.0, false).shortfall(120, 4.8, STEP))
                .isEmpty();
    }

    @Test
    void nothingStatedOrNothingTimedReportsOnlyWhatCanBeJudged() {
        assertThat(DeclaredLength.UNKNOWN.shortfall(10, 0.4, STEP)).isEmpty();
        assertThat(new DeclaredLength(-1, 10.0, false).shortfall(10, -1, 0)).isEmpty();
        assertThat(new DeclaredLength(100, -1, false).shortfall(10, -1, 0))
                .contains("the film ends early: 90 of the 100 frames its container declares are missing;"
                        + " the file may be cut off (an interrupted download or copy)");
    }
}
