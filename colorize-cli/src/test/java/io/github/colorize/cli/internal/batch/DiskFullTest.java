package io.github.colorize.cli.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.ColorizeOptions;
import io.github.colorize.Colorizer;
import io.github.colorize.ImageFormat;
import io.github.colorize.ImageReadOptions;
import io.github.colorize.cli.internal.json.JsonLines;
import io.github.colorize.cli.testing.Photos;
import io.github.colorize.cli.testing.TestFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk stops the batch early, with its own exit code, and a rerun finishes the job. */
class DiskFullTest {

    private static final int PHOTOS = 6;
    private static final int EXIT = 6;

    @TempDir
    Path dir;

    private Path in;
    private Path out;
    private final RecordingListener listener = new RecordingListener();
    private final List<FileOutcome> outcomes = listener.outcomes;
    private final List<String> warnings = listener.warnings;

    @BeforeEach
    void photos() {
        in = dir.resolve("in");
        out = dir.resolve("out");
        for (int i = 0; i < PHOTOS; i++) {
            Photos.write(Photos.gray(160, 120, i), in.resolve("p" + i + ".png"));
        }
    }

    private static Supplier<Colorizer> sepia() {
        return RecordingListener.sepia();
    }

    private BatchSummary run(OutputWriter writer) throws Exception {
        outcomes.clear();
        warnings.clear();
        BatchSettings s = new BatchSettings(
                out,
                ImageFormat.PNG,
                ColorizeOptions.defaults(),
                ImageReadOptions.defaults(),
                "s1",
                1,
                true,
                false,
                false,
                null);
        return new BatchRunner(s, sepia(), img -> Optional.empty(), listener, DiskFull.under(out, EXIT), writer)
                .run(List.of(in));
    }

    @Test
    void aWriteThatFindsTheDiskFullStopsTheBatchAndARerunFinishesIt() throws Exception {
        AtomicInteger writes = new AtomicInteger();
        OutputWriter fullAfterTwo = (image, target, options) -> {
            if (writes.incrementAndGet() > 2) {
                // As FileChannel reports ENOSPC, wrapped the way a parallel encoder passes it on.
                throw new UncheckedIOException(new IOException("No space left on device"));
            }
            OutputWriter.IMAGES.write(image, target, options);
        };
        BatchSummary s = run(fullAfterTwo);
        assertThat(s.stopped()).hasValueSatisfying(stop -> {
            assertThat(stop.exitCode()).isEqualTo(EXIT);
            assertThat(stop.reason()).startsWith("no space left for the output in " + out);
        });
        assertThat(writes)
                .as("no photo colourised after the disk was found full")
                .hasValue(3);
        assertThat(s.done()).isEqualTo(2);
        assertThat(s.failed()).isEqualTo(1);
        assertThat(s.notStarted()).isEqualTo(PHOTOS - 3);
        assertThat(s.interrupted()).isFalse();
        assertThat(warnings).anyMatch(w -> w.startsWith("stopping: no space left for the output in " + out));
        JsonLines.Contents manifest = JsonLines.read(out.resolve(Manifest.FILE_NAME));
        assertThat(manifest.malformedLines()).isZero();
        assertThat(manifest.records()).hasSize(2);

        BatchSummary rerun = run(OutputWriter.IMAGES);
        assertThat(rerun.stopped()).isEmpty();
        assertThat(rerun.done()).isEqualTo(PHOTOS - 2);
        assertThat(rerun.skipped()).isEqualTo(2);
        assertThat(rerun.failed()).isZero();
    }

    @Test
    void otherWriteFailuresFailOnlyTheirPhoto() throws Exception {
        OutputWriter refusesP1 = (image, target, options) -> {
            if (target.getFileName().toString().equals("p1.png")) {
                throw new java.nio.file.AccessDeniedException(target.toString());
            }
            OutputWriter.IMAGES.write(image, target, options);
        };
        BatchSummary s = run(refusesP1);
        assertThat(s.stopped()).isEmpty();
        assertThat(s.done()).isEqualTo(PHOTOS - 1);
        assertThat(s.failed()).isEqualTo(1);
    }

    @Test
    void aReallyFullFileSystemStopsTheBatchAndLeavesTheManifestReadable() throws Exception {
        Files.createDirectories(out);
        try (TestFolders tiny = TestFolders.tiny(out, 1024)) {
            // Room for the bookkeeping and an output or so: whatever the encoder makes of the photos,
            // the disk fills up within the batch.
            Path filler = out.resolve("filler.bin");
            long room = 48 * 1024;
            Files.write(filler, new byte[(int) (Files.getFileStore(out).getUsableSpace() - room)]);
            BatchSummary s = run(OutputWriter.IMAGES);
            String seen = outcomes + " " + warnings;
            assertThat(s.stopped().map(FatalFailures.Stop::exitCode)).as(seen).contains(EXIT);
            assertThat(s.failed()).as(seen).isGreaterThanOrEqualTo(1);
            assertThat(s.notStarted()).as(seen).isPositive();
            assertThat(s.done() + s.failed() + s.notStarted()).isEqualTo(PHOTOS);
            assertThat(outcomes)
                    .filteredOn(o -> o.status() == FileOutcome.Status.FAILED)
                    .allSatisfy(o -> assertThat(o.reason()).contains("No space left on device"));
            assertThat(JsonLines.read(out.resolve(Manifest.FILE_NAME)).malformedLines())
                    .isZero();
            try (Stream<Path> files = Files.walk(out)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(PartFiles::isPartFile);
            }
            int doneBefore = s.done();

            Files.delete(filler);
            BatchSummary rerun = run(OutputWriter.IMAGES);
            assertThat(rerun.stopped()).isEmpty();
            assertThat(rerun.failed()).as("%s", outcomes).isZero();
            assertThat(rerun.done()).isEqualTo(PHOTOS - doneBefore);
            assertThat(rerun.skipped()).isEqualTo(doneBefore);
        }
    }
}
