package io.github.colorize.cli.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.ColorizeOptions;
import io.github.colorize.ImageFormat;
import io.github.colorize.ImageReadOptions;
import io.github.colorize.Images;
import io.github.colorize.Provenance;
import io.github.colorize.cli.testing.Photos;
import io.github.colorize.cli.testing.SepiaTestProvider;
import io.github.colorize.internal.io.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hint sidecars in batches: picked up by themselves, in the fingerprint, never photos, bad ones isolated. */
class BatchHintsTest {

    private static final String BLUE_HINT =
            "{\"hints\": [{\"x\": 10, \"y\": 10, \"radius\": 3, \"color\": \"#2a4d9b\"}]}";

    @TempDir
    Path dir;

    private Path in;
    private Path out;
    private RecordingListener listener = new RecordingListener();

    @BeforeEach
    void photos() {
        in = dir.resolve("in");
        out = dir.resolve("out");
        Photos.write(Photos.gray(40, 30, 1), in.resolve("a.jpg"));
        Photos.write(Photos.gray(30, 40, 2), in.resolve("sub/b.png"));
        Photos.write(Photos.gray(20, 20, 3), in.resolve("c.bmp"));
        SepiaTestProvider.resetCounters();
    }

    private BatchSettings settings(Path hints) {
        return new BatchSettings(
                out,
                ImageFormat.PNG,
                ColorizeOptions.builder().watermark(false).build(),
                ImageReadOptions.defaults(),
                "s1",
                1,
                false,
                false,
                false,
                hints);
    }

    private BatchSummary run(List<Path> inputs, Path hints) throws Exception {
        listener = new RecordingListener();
        return new BatchRunner(
                        settings(hints),
                        RecordingListener.sepia(),
                        img -> Optional.empty(),
                        listener,
                        FatalFailures.NONE)
                .run(inputs);
    }

    private FileOutcome.Status statusOf(String fileName) {
        return listener.outcomes.stream()
                .filter(o -> o.path().getFileName().toString().equals(fileName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no outcome for " + fileName + " in " + listener.outcomes))
                .status();
    }

    /** Blue enough: the sepia backend gives red above blue everywhere a hint does not reach. */
    private static boolean bluish(int p) {
        return (p & 0xFF) > ((p >> 16) & 0xFF);
    }

    @Test
    void aSidecarIsPickedUpByItselfAndIsNeverTakenForAPhoto() throws Exception {
        Files.writeString(in.resolve("a.jpg.hints.json"), BLUE_HINT);
        BatchSummary s = run(List.of(in), null);
        assertThat(s.done()).isEqualTo(3);
        assertThat(listener.outcomes).hasSize(3);
        assertThat(bluish(Images.read(out.resolve("a.png")).getRGB(10, 10))).isTrue();
        assertThat(bluish(Images.read(out.resolve("sub/b.png")).getRGB(10, 10))).isFalse();
        assertThat(out.resolve("a.jpg.hints.png")).doesNotExist();
        // The record says a person guided the colours: how many hints, and the sidecar's hash.
        Provenance guided = Provenance.read(out.resolve("a.png")).orElseThrow();
        assertThat(guided.hintCount()).isEqualTo(1);
        assertThat(guided.hintsSha256()).isEqualTo(Sha256.ofFile(in.resolve("a.jpg.hints.json")));
        Provenance automatic = Provenance.read(out.resolve("sub/b.png")).orElseThrow();
        assertThat(automatic.guidedByPerson()).isFalse();
        assertThat(automatic.hintsSha256()).isNull();
    }

    @Test
    void editingOneSidecarRedoesThatPhotoAndOnlyThatOne() throws Exception {
        Path sidecar = in.resolve("a.jpg.hints.json");
        Files.writeString(sidecar, BLUE_HINT);
        run(List.of(in), null);

        BatchSummary again = run(List.of(in), null);
        assertThat(again.done()).isZero();
        assertThat(again.skipped()).isEqualTo(3);

        Files.writeString(sidecar, BLUE_HINT.replace("#2a4d9b", "#2a9b4d"));
        BatchSummary edited = run(List.of(in), null);
        assertThat(edited.done()).isEqualTo(1);
        assertThat(statusOf("a.jpg")).isEqualTo(FileOutcome.Status.DONE);
        assertThat(statusOf("b.png")).isEqualTo(FileOutcome.Status.SKIPPED);
        assertThat(statusOf("c.bmp")).isEqualTo(FileOutcome.Status.SKIPPED);

        Files.delete(sidecar);
        BatchSummary removed = run(List.of(in), null);
        assertThat(removed.done()).isEqualTo(1);
        assertThat(statusOf("a.jpg")).isEqualTo(FileOutcome.Status.DONE);
    }

    @Test
    void aMalformedSidecarFailsItsPhotoOnlyNamingTheFileAndPlace() throws Exception {
        Path sidecar = in.resolve("a.jpg.hints.json");
        Files.writeString(sidecar, "{\"hints\": [{\"x\": 10, \"y\": 10, \"color\": \"navy\"}]}");
        BatchSummary s = run(List.of(in), null);
        assertThat(s.failed()).isEqualTo(1);
        assertThat(s.done()).isEqualTo(2);
        FileOutcome a = listener.outcomes.stream()
                .filter(o -> o.path().getFileName().toString().equals("a.jpg"))
                .findFirst()
                .orElseThrow();
        assertThat(a.reason()).contains("a.jpg.hints.json").contains("$.hints[0].color");
        assertThat(out.resolve("a.png")).doesNotExist();
    }

    @Test
    void aHintOutsideThePhotoFailsItsPhotoOnly() throws Exception {
        Files.writeString(in.resolve("a.jpg.hints.json"), BLUE_HINT.replace("\"x\": 10", "\"x\": 400"));
        BatchSummary s = run(List.of(in), null);
        assertThat(s.failed()).isEqualTo(1);
        assertThat(s.done()).isEqualTo(2);
    }

    @Test
    void aNamedHintsFileServesTheOnePhoto() throws Exception {
        Path named = dir.resolve("my-hints.json");
        Files.writeString(named, BLUE_HINT);
        BatchSummary s = run(List.of(in.resolve("c.bmp")), named);
        assertThat(s.done()).isEqualTo(1);
        assertThat(bluish(Images.read(out.resolve("c.png")).getRGB(10, 10))).isTrue();
    }
}
