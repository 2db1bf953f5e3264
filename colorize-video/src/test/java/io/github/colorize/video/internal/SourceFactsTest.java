package io.github.colorize.video.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.github.colorize.video.testing.FfmpegTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFactsTest {

    /** Stored size: landscape, so that a quarter turn shows in the upright size. */
    static final int W = 64;

    static final int H = 48;
    static final int FRAMES = 6;

    @TempDir
    static Path shared;

    static Path clip;

    @BeforeAll
    static void writeClip() throws Exception {
        clip = FfmpegTool.writeClip(shared.resolve("clip.mp4"), W, H, FRAMES, t -> new int[W * H]);
    }

    private static SourceFacts factsOf(Path file) {
        try (VideoSource src = VideoSource.open(file)) {
            return src.facts();
        }
    }

    @Test
    void describesTheStreamAndContainerAndOutlivesTheSource() {
        SourceFacts f = factsOf(clip); // the source is closed: the facts hold no native memory

        assertThat(f.videoStreamIndex()).isZero();
        assertThat(f.storedWidth()).isEqualTo(W);
        assertThat(f.storedHeight()).isEqualTo(H);
        assertThat(f.width()).isEqualTo(W);
        assertThat(f.height()).isEqualTo(H);
        assertThat(f.orientation()).isEqualTo(Orientation.UPRIGHT);
        assertThat(f.keptDisplayMatrix()).isNull();
        assertThat(f.frameRate()).isEqualTo(new Rational(30000, 1001));
        assertThat(f.timeBase().valid()).isTrue();
        assertThat(f.codecName()).isEqualTo("h264");
        assertThat(f.containerName()).contains("mp4");
        assertThat(f.frameCountEstimate()).isEqualTo(FRAMES);
        assertThat(f.durationSeconds()).isCloseTo(FRAMES * 1001 / 30000.0, offset(0.01));
        assertThat(f.audioStreams()).containsExactly(1);
    }

    @Test
    void aQuarterTurnSwapsTheUprightSize() throws Exception {
        SourceFacts f = factsOf(FfmpegTool.withDisplayRotation(clip, shared.resolve("quarter.mp4"), 90, false));

        assertThat(f.orientation().swapsAxes()).isTrue();
        assertThat(f.width()).isEqualTo(H);
        assertThat(f.height()).isEqualTo(W);
        assertThat(f.storedWidth()).isEqualTo(W);
        assertThat(f.keptDisplayMatrix()).isNull();
    }

    @Test
    void anOddAngleIsKeptAsAMatrixNotApplied() throws Exception {
        SourceFacts f = factsOf(FfmpegTool.withDisplayRotation(clip, shared.resolve("odd.mp4"), 30, false));

        assertThat(f.orientation()).isEqualTo(Orientation.UPRIGHT);
        assertThat(f.width()).isEqualTo(W);
        assertThat(f.keptDisplayMatrix()).hasSize(Orientation.MATRIX_SIZE);
    }

    @Test
    void isImmutableAndComparesTheMatrixByValue() {
        int[] matrix = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        List<Integer> audio = new ArrayList<>(List.of(1));
        SourceFacts a = facts(matrix, audio);
        matrix[0] = 7;
        audio.add(2);
        a.keptDisplayMatrix()[1] = 7;

        assertThat(a.keptDisplayMatrix()).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1);
        assertThat(a.audioStreams()).containsExactly(1);
        assertThatThrownBy(() -> a.audioStreams().add(3)).isInstanceOf(UnsupportedOperationException.class);
        SourceFacts b = facts(new int[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, List.of(1));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(facts(null, List.of(1)));
    }

    @Test
    void rejectsWhatNoStreamCanBe() {
        assertThatThrownBy(() -> new SourceFacts(
                        0,
                        0,
                        H,
                        Orientation.UPRIGHT,
                        null,
                        tb(),
                        tb(),
                        tb(),
                        "h264",
                        "mp4",
                        -1,
                        -1,
                        DeclaredLength.UNKNOWN,
                        List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> facts(new int[4], List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static Rational tb() {
        return new Rational(1, 25);
    }

    private static SourceFacts facts(int[] matrix, List<Integer> audio) {
        return new SourceFacts(
                0,
                W,
                H,
                Orientation.UPRIGHT,
                matrix,
                tb(),
                tb(),
                new Rational(0, 1),
                "h264",
                "mp4",
                6,
                0.24,
                new DeclaredLength(6, 0.24, false),
                audio);
    }
}
