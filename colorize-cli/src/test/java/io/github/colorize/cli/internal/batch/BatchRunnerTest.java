package io.github.colorize.cli.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.ColorizeOptions;
import io.github.colorize.Colorizer;
import io.github.colorize.ImageFormat;
import io.github.colorize.ImageReadOptions;
import io.github.colorize.Images;
import io.github.colorize.NoBackendException;
import io.github.colorize.cli.testing.Photos;
import io.github.colorize.cli.testing.SepiaTestProvider;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchRunnerTest {

    @TempDir
    Path dir;

    private Path in;
    private Path out;
    private final RecordingListener listener = new RecordingListener();
    private final List<FileOutcome> outcomes = listener.outcomes;
    private final List<String> warnings = listener.warnings;

    /** Colour photos are those whose top-left pixel is not gray: enough to test the batch's handling. */
    private static final ColorCheck TOP_LEFT_NOT_GRAY = img -> {
        int p = img.getRGB(0, 0);
        int r = (p >> 16) & 0xFF;
        int g = (p >> 8) & 0xFF;
        int b = p & 0xFF;
        return r == g && g == b ? Optional.empty() : Optional.of("in colour");
    };

    @BeforeEach
    void photos() {
        in = dir.resolve("in");
        out = dir.resolve("out");
        Photos.write(Photos.gray(40, 30, 1), in.resolve("a.jpg"));
        Photos.write(Photos.gray(30, 40, 2), in.resolve("sub/b.png"));
        Photos.write(Photos.gray(20, 20, 3), in.resolve("sub/deeper/c.bmp"));
        SepiaTestProvider.resetCounters();
    }

    private static Supplier<Colorizer> sepia() {
        return RecordingListener.sepia();
    }

    private BatchSettings settings(int jobs, boolean force, String fingerprint) {
        return settings(jobs, force, fingerprint, false);
    }

    private BatchSettings settings(int jobs, boolean force, String fingerprint, boolean overwrite) {
        return new BatchSettings(
                out,
                ImageFormat.PNG,
                ColorizeOptions.defaults(),
                ImageReadOptions.defaults(),
                fingerprint,
                jobs,
                force,
                false,
                overwrite,
                null);
    }

    private BatchSummary run(BatchSettings s) throws Exception {
        return run(s, TOP_LEFT_NOT_GRAY);
    }

    private BatchSummary run(BatchSettings s, ColorCheck check) throws Exception {
        outcomes.clear();
        return new BatchRunner(s, sepia(), check, listener, FatalFailures.NONE).run(List.of(in));
    }

    private FileOutcome outcomeOf(String fileName) {
        return outcomes.stream()
                .filter(o -> o.path().getFileName().toString().equals(fileName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no outcome for " + fileName + " in " + outcomes));
    }

    private static void assertAddsUp(BatchSummary s, int inputs) {
        assertThat(s.done() + s.skipped() + s.failed() + s.notStarted())
                .as("every input counted once: %s", s)
                .isEqualTo(inputs);
    }

    private List<Path> outputs() throws Exception {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile)
                    .map(out::relativize)
                    .filter(p -> !p.toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void colorisesEveryPhotoIntoAMirroredTreeAndLogsTheRun() throws Exception {
        BatchSummary s = run(settings(2, false, "s1"));
        assertThat(s.done()).isEqualTo(3);
        assertThat(s.skipped() + s.failed() + s.notStarted()).isZero();
        assertThat(outputs()).containsExactly(Path.of("a.png"), Path.of("sub/b.png"), Path.of("sub/deeper/c.png"));
        BufferedImage b = Images.read(out.resolve("sub/b.png"));
        assertThat(b.getWidth()).isEqualTo(30);
        assertThat(b.getHeight()).isEqualTo(40);
        int p = b.getRGB(15, 20);
        assertThat((p >> 16) & 0xFF).as("sepia: red above blue").isGreaterThan(p & 0xFF);
        assertThat(Files.readAllLines(out.resolve(Manifest.FILE_NAME))).hasSize(3);
        List<String> log = Files.readAllLines(s.runLog());
        assertThat(log).hasSize(4);
        assertThat(log.get(3)).contains("\"event\":\"summary\"").contains("\"done\":3");
        assertThat(in.resolve("a.png")).doesNotExist();
    }

    @Test
    void aNamedFileThatIsNoPhotoIsSkippedWithAWarningAndAnEmptyFolderIsSaidToBeEmpty() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a photo");
        outcomes.clear();
        BatchSummary s = new BatchRunner(
                        settings(1, false, "s1"), sepia(), TOP_LEFT_NOT_GRAY, listener, FatalFailures.NONE)
                .run(List.of(notes));
        assertThat(s.skipped()).isEqualTo(1);
        assertThat(outcomeOf("notes.txt").reason()).contains("not a photo file name");
        assertThat(warnings)
                .containsExactly(notes + ": not a photo file name (" + SourceScanner.EXTENSIONS_TEXT + "); skipped");
        warnings.clear();

        Path empty = Files.createDirectories(dir.resolve("empty"));
        BatchSummary none = new BatchRunner(
                        settings(1, false, "s1"), sepia(), TOP_LEFT_NOT_GRAY, listener, FatalFailures.NONE)
                .run(List.of(empty));
        assertThat(none.done() + none.failed() + none.skipped()).isZero();
        assertThat(warnings).anyMatch(w -> w.startsWith("no photos found in [" + empty + "]"));
    }

    @Test
    void aRerunSkipsEverythingWithoutLoadingTheModel() throws Exception {
        run(settings(1, false, "s1"));
        FileTime before = Files.getLastModifiedTime(out.resolve("a.png"));
        SepiaTestProvider.resetCounters();
        BatchSummary again = run(settings(1, false, "s1"));
        assertThat(again.done()).isZero();
        assertThat(again.skipped()).isEqualTo(3);
        assertThat(outcomes).extracting(FileOutcome::reason).containsOnly(BatchRunner.ALREADY_DONE);
        assertThat(SepiaTestProvider.CREATED).hasValue(0);
        assertThat(Files.getLastModifiedTime(out.resolve("a.png"))).isEqualTo(before);
    }

    @Test
    void aChangedSourceADeletedOutputOrNewSettingsAreDoneAgain() throws Exception {
        run(settings(1, false, "s1"));
        Photos.write(Photos.gray(40, 30, 99), in.resolve("a.jpg"));
        Files.delete(out.resolve("sub/b.png"));
        BatchSummary s = run(settings(1, false, "s1"));
        assertThat(s.done()).isEqualTo(2);
        assertThat(outcomes)
                .filteredOn(o -> o.status() == FileOutcome.Status.DONE)
                .extracting(FileOutcome::output)
                .containsExactlyInAnyOrder("a.png", "sub/b.png");
        assertThat(run(settings(1, false, "s2")).done()).isEqualTo(3);
    }

    @Test
    void aBadFileIsReportedAndTheRestGoOn() throws Exception {
        Files.writeString(in.resolve("sub/broken.jpg"), "not a jpeg at all");
        BatchSummary s = run(settings(2, false, "s1"));
        assertThat(s.done()).isEqualTo(3);
        assertThat(s.failed()).isEqualTo(1);
        FileOutcome bad = outcomes.stream()
                .filter(o -> o.status() == FileOutcome.Status.FAILED)
                .findFirst()
                .orElseThrow();
        assertThat(bad.path()).isEqualTo(in.resolve("sub/broken.jpg"));
        assertThat(bad.reason()).startsWith("cannot decode").doesNotContain(in.toString());
        assertThat(out.resolve("sub/broken.png")).doesNotExist();
        // Failures are not recorded as done: the next run tries again.
        assertThat(run(settings(2, false, "s1")).failed()).isEqualTo(1);
    }

    @Test
    void photosInColorAreSkippedAndRememberedUnlessForced() throws Exception {
        Photos.write(Photos.colorful(32, 32), in.resolve("colour.png"));
        BatchSummary s = run(settings(1, false, "s1"));
        assertThat(s.done()).isEqualTo(3);
        assertThat(s.skipped()).isEqualTo(1);
        assertThat(outcomes)
                .filteredOn(o -> o.status() == FileOutcome.Status.SKIPPED)
                .singleElement()
                .satisfies(o -> assertThat(o.reason()).isEqualTo("in colour; use --force to colourise it"));
        assertThat(out.resolve("colour.png")).doesNotExist();

        run(settings(1, false, "s1"));
        assertThat(outcomes)
                .filteredOn(o -> o.path().endsWith("colour.png"))
                .singleElement()
                .satisfies(o -> assertThat(o.reason()).contains("found earlier"));

        BatchSummary forced = run(settings(1, true, "s1"));
        assertThat(forced.done()).isEqualTo(1);
        assertThat(out.resolve("colour.png")).isRegularFile();
    }

    @Test
    void jobsBoundThePhotosInFlightOnOneColorizer() throws Exception {
        for (int i = 0; i < 12; i++) {
            Photos.write(Photos.gray(16, 16, 100 + i), in.resolve("many/p" + i + ".png"));
        }
        System.setProperty(SepiaTestProvider.DELAY_PROPERTY, "40");
        try {
            BatchSummary s = run(settings(3, false, "s1"));
            assertThat(s.done()).isEqualTo(15);
        } finally {
            System.clearProperty(SepiaTestProvider.DELAY_PROPERTY);
        }
        assertThat(SepiaTestProvider.CREATED).hasValue(1);
        assertThat(SepiaTestProvider.MAX_IN_FLIGHT.get()).isBetween(2, 3);
    }

    @Test
    void cancellingFinishesPhotosInFlightAndStartsNoMore() throws Exception {
        for (int i = 0; i < 10; i++) {
            Photos.write(Photos.gray(16, 16, 200 + i), in.resolve("more/p" + i + ".png"));
        }
        BatchRunner[] runner = new BatchRunner[1];
        BatchListener cancelAfterFirst = o -> {
            outcomes.add(o);
            if (o.status() == FileOutcome.Status.DONE) {
                runner[0].cancel();
            }
        };
        runner[0] = new BatchRunner(
                settings(1, false, "s1"), sepia(), TOP_LEFT_NOT_GRAY, cancelAfterFirst, FatalFailures.NONE);
        BatchSummary s = runner[0].run(List.of(in));
        assertThat(s.interrupted()).isTrue();
        assertThat(s.done()).isBetween(1, 2);
        assertThat(s.notStarted()).isEqualTo(13 - s.done());
        assertThat(outputs()).hasSize(s.done());
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(PartFiles::isPartFile);
        }
        BatchSummary rest = run(settings(1, false, "s1"));
        assertThat(rest.done()).isEqualTo(13 - s.done());
        assertThat(rest.skipped()).isEqualTo(s.done());
    }

    @Test
    void leftoverPartialFilesAreRemovedBeforeWorkStarts() throws Exception {
        Files.createDirectories(out.resolve("sub"));
        Files.writeString(out.resolve("sub/.b.png.4711.part"), "half a png");
        run(settings(1, false, "s1"));
        assertThat(out.resolve("sub/.b.png.4711.part")).doesNotExist();
        assertThat(warnings).anyMatch(w -> w.contains("removed 1 partial file"));
    }

    @Test
    void aMissingBackendStopsTheRunBeforeAnyOutput() {
        Supplier<Colorizer> none = () -> {
            throw new NoBackendException("no colorize backend can run here.");
        };
        BatchRunner runner =
                new BatchRunner(settings(1, false, "s1"), none, TOP_LEFT_NOT_GRAY, listener, FatalFailures.NONE);
        assertThatThrownBy(() -> runner.run(List.of(in))).isInstanceOf(NoBackendException.class);
        assertThat(out.resolve("a.png")).doesNotExist();
    }

    @Test
    void namesCollidingPhotosByTheirFullNames() throws Exception {
        Photos.write(Photos.gray(10, 10, 7), in.resolve("a.png"));
        run(settings(1, false, "s1"));
        assertThat(outputs())
                .contains(Path.of("a.jpg.png"), Path.of("a.png.png"))
                .doesNotContain(Path.of("a.png"));
    }

    @Test
    void aFatalFailureStopsTheBatchWithItsExitCode() throws Exception {
        for (int i = 0; i < 6; i++) {
            Photos.write(Photos.gray(16, 16, 300 + i), in.resolve("q/p" + i + ".png"));
        }
        Supplier<Colorizer> quotaAfterTwo = () -> new Colorizer() {
            private final java.util.concurrent.atomic.AtomicInteger calls =
                    new java.util.concurrent.atomic.AtomicInteger();
            private final Colorizer delegate = sepia().get();

            @Override
            public String backend() {
                return "quota";
            }

            @Override
            public String model() {
                return "m";
            }

            @Override
            public io.github.colorize.ColorizedImage colorize(BufferedImage image, ColorizeOptions options) {
                if (calls.incrementAndGet() > 2) {
                    throw new io.github.colorize.ColorizeException("quota used up");
                }
                return delegate.colorize(image, options);
            }

            @Override
            public void close() {
                delegate.close();
            }
        };
        FatalFailures quota = e -> e.getMessage().contains("quota")
                ? Optional.of(new FatalFailures.Stop(5, "the quota is used up"))
                : Optional.empty();
        BatchSummary s = new BatchRunner(settings(1, false, "s1"), quotaAfterTwo, TOP_LEFT_NOT_GRAY, listener, quota)
                .run(List.of(in));
        assertThat(s.done()).isEqualTo(2);
        assertThat(s.failed()).isEqualTo(1);
        assertThat(s.notStarted()).isEqualTo(9 - 3);
        assertThat(s.interrupted()).isFalse();
        assertThat(s.stopped()).contains(new FatalFailures.Stop(5, "the quota is used up"));
        assertThat(warnings).contains("stopping: the quota is used up");
    }

    @Test
    void anOutOfMemoryErrorFailsThatPhotoWithAClearCauseAndTheBatchAddsUp() throws Exception {
        ColorCheck oomOnB = img -> {
            if (img.getWidth() == 30) { // sub/b.png
                throw new OutOfMemoryError("Java heap space");
            }
            return Optional.empty();
        };
        BatchSummary s = run(settings(2, false, "s1"), oomOnB);
        assertAddsUp(s, 3);
        assertThat(s.done()).isEqualTo(2);
        assertThat(s.failed()).isEqualTo(1);
        FileOutcome b = outcomeOf("b.png");
        assertThat(b.status()).isEqualTo(FileOutcome.Status.FAILED);
        assertThat(b.path()).isEqualTo(in.resolve("sub/b.png"));
        assertThat(b.reason())
                .contains("too large for the Java heap")
                .contains("--jobs")
                .contains("-Xmx");
        assertThat(out.resolve("sub/b.png")).doesNotExist();
    }

    @Test
    void anUnexpectedExceptionInTheColorCheckFailsOnlyThatPhoto() throws Exception {
        ColorCheck broken = img -> {
            if (img.getWidth() == 40) { // a.jpg
                throw new IllegalStateException("tone table missing");
            }
            return Optional.empty();
        };
        BatchSummary s = run(settings(1, false, "s1"), broken);
        assertAddsUp(s, 3);
        assertThat(s.failed()).isEqualTo(1);
        assertThat(outcomeOf("a.jpg").reason())
                .isEqualTo("unexpected error: IllegalStateException: tone table missing");
    }

    @Test
    void aStartedPhotoWhoseFailureCannotEvenBeDescribedStillCountsAsFailed() throws Exception {
        // An error whose message throws defeats PhotoJob's own handling: the runner's last resort must count it.
        ColorCheck hostile = img -> {
            if (img.getWidth() == 20) { // sub/deeper/c.bmp
                throw new Error() {
                    @Override
                    public String getMessage() {
                        throw new IllegalStateException("no message either");
                    }
                };
            }
            return Optional.empty();
        };
        BatchSummary s = run(settings(2, false, "s1"), hostile);
        assertAddsUp(s, 3);
        assertThat(s.failed()).isEqualTo(1);
        FileOutcome c = outcomeOf("c.bmp");
        assertThat(c.status()).isEqualTo(FileOutcome.Status.FAILED);
        assertThat(c.reason()).contains("before its outcome was recorded").contains("run again");
    }

    @Test
    void aFileInTheOutputFolderThatColorizeDidNotWriteIsNotReplaced() throws Exception {
        Files.createDirectories(out);
        Files.writeString(out.resolve("a.png"), "the user's own picture");
        BatchSummary s = run(settings(1, false, "s1"));
        assertThat(s.done()).isEqualTo(2);
        assertThat(s.failed()).isEqualTo(1);
        assertThat(outcomeOf("a.jpg").reason())
                .isEqualTo("cannot write " + out.resolve("a.png")
                        + ": it exists and was not written by colorize from this photo; use --overwrite to replace it");
        assertThat(out.resolve("a.png")).hasContent("the user's own picture");

        BatchSummary overwritten = run(settings(1, false, "s1", true));
        assertThat(overwritten.done()).isEqualTo(1);
        assertThat(Images.read(out.resolve("a.png")).getWidth()).isEqualTo(40);
    }

    @Test
    void aPhotoInColorBesideAUsersFileIsSkippedNotFailed() throws Exception {
        Files.createDirectories(out);
        Files.writeString(out.resolve("a.png"), "the user's own picture");
        BatchSummary s = run(settings(1, false, "s1"), img -> Optional.of("in colour already"));
        assertThat(s.failed()).isZero();
        assertThat(outcomeOf("a.jpg").reason()).startsWith("in colour already");
        assertThat(out.resolve("a.png")).hasContent("the user's own picture");
    }

    @Test
    void anotherBatchsOutputOfTheSameNameIsNotReplaced() throws Exception {
        run(settings(1, false, "s1"));
        byte[] trip1 = Files.readAllBytes(out.resolve("a.png"));
        Path trip2 = dir.resolve("trip2");
        Photos.write(Photos.gray(50, 30, 42), trip2.resolve("a.jpg"));
        outcomes.clear();
        BatchSummary s = new BatchRunner(
                        settings(1, false, "s1"), sepia(), TOP_LEFT_NOT_GRAY, listener, FatalFailures.NONE)
                .run(List.of(trip2));
        assertThat(s.failed()).isEqualTo(1);
        assertThat(outcomeOf("a.jpg").path()).isEqualTo(trip2.resolve("a.jpg"));
        assertThat(outcomeOf("a.jpg").reason())
                .startsWith("cannot write " + out.resolve("a.png") + ": it exists and was written by colorize from"
                        + " another photo (" + in.resolve("a.jpg").toAbsolutePath())
                .endsWith("; use --overwrite to replace it");
        assertThat(out.resolve("a.png")).hasBinaryContent(trip1);
    }

    @Test
    void anOutputWrittenButNeverRecordedIsReplacedOnTheRerun() throws Exception {
        run(settings(1, false, "s1"));
        // As if killed after the rename and before the manifest record: the file's own provenance record
        // still names the photo it was made from.
        Path manifest = out.resolve(Manifest.FILE_NAME);
        List<String> lines = Files.readAllLines(manifest);
        Files.write(
                manifest,
                lines.stream().filter(l -> !l.contains("\"output\":\"a.png\"")).toList());
        BatchSummary s = run(settings(1, false, "s1"));
        assertThat(s.failed()).as("%s", outcomes).isZero();
        assertThat(s.done()).isEqualTo(1);
        assertThat(outcomeOf("a.jpg").status()).isEqualTo(FileOutcome.Status.DONE);
    }

    @Test
    void anUnusableOutputFolderIsAUsageErrorNamingIt() throws Exception {
        Files.writeString(out, "a file where the folder should be");
        assertThatThrownBy(() -> run(settings(1, false, "s1")))
                .isInstanceOf(BatchUsageException.class)
                .hasMessage(out + ": is a file, not a folder; choose another --out");
        Path file = out;
        out = file.resolve("colour"); // below a file: cannot be created
        assertThatThrownBy(() -> run(settings(1, false, "s1")))
                .isInstanceOf(BatchUsageException.class)
                .hasMessageStartingWith(out + ": cannot create the output folder: ")
                .hasMessageEndingWith("; choose another --out")
                .hasMessageNotContaining("Exception");
        assertThat(file).hasContent("a file where the folder should be");
    }
}
