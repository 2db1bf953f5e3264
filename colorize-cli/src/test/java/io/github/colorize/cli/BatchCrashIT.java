package io.github.colorize.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.Images;
import io.github.colorize.ProvenanceCheck;
import io.github.colorize.cli.internal.batch.BatchRunner;
import io.github.colorize.cli.internal.batch.Manifest;
import io.github.colorize.cli.internal.batch.OutputLock;
import io.github.colorize.cli.internal.batch.PartFiles;
import io.github.colorize.cli.internal.json.JsonLines;
import io.github.colorize.cli.testing.ChildCli;
import io.github.colorize.cli.testing.Photos;
import io.github.colorize.cli.testing.SepiaTestProvider;
import io.github.colorize.internal.io.Sha256;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch survives {@code kill -9} and Ctrl-C: real child JVMs running the packaged command against
 * the slow {@code test-sepia} backend are killed mid-run, then the same command is run again.
 */
class BatchCrashIT {

    private static final int PHOTOS = 24;

    @TempDir
    Path dir;

    private Path in;
    private Path out;
    private ChildCli cli;

    @BeforeEach
    void setUp() {
        Assumptions.assumeTrue(ChildCli.available(), "needs the packaged jar (run under Failsafe)");
        in = dir.resolve("in");
        out = dir.resolve("out");
        for (int i = 0; i < PHOTOS; i++) {
            String folder = i % 3 == 0 ? "" : "roll" + (i % 3) + "/";
            String ext = i % 2 == 0 ? ".jpg" : ".png";
            Photos.write(Photos.gray(320 + i, 240, i), in.resolve(folder + "photo" + i + ext));
        }
        cli = new ChildCli(dir);
    }

    private String[] batch() {
        return new String[] {
            "-b", SepiaTestProvider.NAME, in.toString(), "--out", out.toString(), "--jobs", "2", "--progress", "lines"
        };
    }

    @Test
    void killMinus9MidRunThenARerunFinishesWithNoPartialOrDuplicateOutputs() throws Exception {
        ChildCli.Child first =
                cli.jvm("-D" + SepiaTestProvider.DELAY_PROPERTY + "=250").start(batch());
        awaitManifestRecords(3, first);
        first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
        first.process().waitFor();
        int recordedBeforeRerun = doneOutputs().size();
        assertThat(recordedBeforeRerun).as("killed mid-run").isBetween(3, PHOTOS - 1);
        // Whatever the kill left mid-write, plus one torn temporary file for certain.
        Files.createDirectories(out.resolve("roll1"));
        Files.writeString(out.resolve("roll1/.photo1.png.4711.part"), "half a png");

        ChildCli.Child rerun = new ChildCli(dir).start(batch());
        assertThat(rerun.waitFor(120)).as(rerun.err()).isZero();
        assertThat(rerun.err()).contains("partial file(s) left by an interrupted run");
        assertThat(rerun.out()).contains(" done, " + recordedBeforeRerun + " skipped, 0 failed");

        assertEveryInputHasExactlyOneGoodOutput();

        // A third run does nothing and touches nothing.
        Map<Path, FileTime> times = modificationTimes();
        ChildCli.Child third = new ChildCli(dir).start(batch());
        assertThat(third.waitFor(120)).isZero();
        assertThat(third.out()).contains("colorize: 0 done, " + PHOTOS + " skipped, 0 failed");
        assertThat(modificationTimes()).isEqualTo(times);
    }

    @Test
    void sigtermStopsCleanlyWithExitCode4AndARerunCompletes() throws Exception {
        ChildCli.Child first =
                cli.jvm("-D" + SepiaTestProvider.DELAY_PROPERTY + "=250").start(batch());
        awaitManifestRecords(2, first);
        first.process().destroy(); // SIGTERM, like Ctrl-C: the shutdown hook runs
        assertThat(first.waitFor(60)).isEqualTo(4);
        assertThat(first.out()).contains("colorize: interrupted;").contains("Run the same command again to finish.");
        assertThat(partFiles()).isEmpty();
        int done = doneOutputs().size();
        assertThat(first.out()).contains("colorize: " + done + " done, 0 skipped, 0 failed");

        ChildCli.Child rerun = new ChildCli(dir).start(batch());
        assertThat(rerun.waitFor(120)).as(rerun.err()).isZero();
        assertThat(rerun.out()).contains("colorize: " + (PHOTOS - done) + " done, " + done + " skipped, 0 failed");
        assertEveryInputHasExactlyOneGoodOutput();
    }

    @Test
    void aSecondRunOnTheSameOutputFolderIsRefusedWhileTheFirstRuns() throws Exception {
        // The gate holds the first run after its first photo until the second run has been refused,
        // whatever the machine's speed (a fixed delay raced against the second JVM's start-up).
        Path gate = Files.createFile(dir.resolve("gate"));
        ChildCli.Child first =
                cli.jvm("-D" + SepiaTestProvider.GATE_PROPERTY + "=" + gate).start(batch());
        awaitManifestRecords(1, first);
        ChildCli.Child second = new ChildCli(dir).start(batch());
        assertThat(second.waitFor(120)).isEqualTo(2);
        assertThat(second.err().strip())
                .isEqualTo("colorize: " + out + ": another colorize run is writing here (process "
                        + first.process().pid() + "); wait for it to finish or choose another --out");
        Files.delete(gate);
        assertThat(first.waitFor(120)).isZero();
        assertEveryInputHasExactlyOneGoodOutput();
    }

    private void awaitManifestRecords(int n, ChildCli.Child child) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (doneOutputs().size() < n) {
            if (!child.process().isAlive()) {
                throw new AssertionError("child ended early: " + child.out() + child.err());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no progress: " + child.err());
            }
            Thread.sleep(20);
        }
    }

    private Set<String> doneOutputs() throws Exception {
        return JsonLines.read(out.resolve(Manifest.FILE_NAME)).records().stream()
                .filter(r -> Manifest.DONE.equals(r.get("status")))
                .map(r -> (String) r.get("output"))
                .collect(Collectors.toSet());
    }

    private List<Path> partFiles() throws Exception {
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(p -> PartFiles.isPartFile(p.getFileName().toString()))
                    .toList();
        }
    }

    private Map<Path, FileTime> modificationTimes() throws Exception {
        Map<Path, FileTime> times = new TreeMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            // Outputs and the manifest; the lock file and run logs change on every run by design.
            for (Path p : s.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains(BatchRunner.RUNS_DIR))
                    .filter(p -> !p.endsWith(OutputLock.FILE_NAME))
                    .toList()) {
                times.put(p, Files.getLastModifiedTime(p));
            }
        }
        return times;
    }

    private void assertEveryInputHasExactlyOneGoodOutput() throws Exception {
        assertThat(partFiles()).isEmpty();
        Map<String, Path> expected = new HashMap<>();
        try (Stream<Path> s = Files.walk(in)) {
            for (Path src : s.filter(Files::isRegularFile).toList()) {
                String rel = in.relativize(src).toString().replaceFirst("\\.(jpg|png)$", ".png");
                expected.put(rel, src);
            }
        }
        List<String> actual;
        try (Stream<Path> s = Files.walk(out)) {
            actual = s.filter(Files::isRegularFile)
                    .map(p -> out.relativize(p).toString())
                    .filter(rel -> !rel.startsWith("."))
                    .sorted()
                    .toList();
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected.keySet());
        Map<String, Object> latestSha = new HashMap<>();
        for (Map<String, Object> r :
                JsonLines.read(out.resolve(Manifest.FILE_NAME)).records()) {
            latestSha.put((String) r.get("output"), r.get("sourceSha256"));
        }
        assertThat(latestSha.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Map.Entry<String, Path> e : expected.entrySet()) {
            Path output = out.resolve(e.getKey());
            BufferedImage img = Images.read(output);
            BufferedImage src = Images.read(e.getValue());
            assertThat(img.getWidth()).isEqualTo(src.getWidth());
            assertThat(img.getHeight()).isEqualTo(src.getHeight());
            assertThat(latestSha.get(e.getKey())).isEqualTo(Sha256.ofFile(e.getValue()));
            ProvenanceCheck check = ProvenanceCheck.verify(output, e.getValue());
            assertThat(check.passed()).as(output + ": " + check.problem()).isTrue();
            assertThat(check.provenance().backend()).isEqualTo(SepiaTestProvider.NAME);
        }
    }
}
