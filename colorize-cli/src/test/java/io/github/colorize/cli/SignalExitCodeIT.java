package io.github.colorize.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.cli.internal.batch.PartFiles;
import io.github.colorize.cli.testing.ChildCli;
import io.github.colorize.cli.testing.Photos;
import io.github.colorize.cli.testing.SepiaTestProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C and SIGTERM exit with code 4 whenever they come: while the command line is parsed, while the
 * inputs are scanned, while photos are colourised. Real child JVMs get the signal at several delays
 * after their {@code main} began.
 *
 * <p>The delays count from the moment the child's JVM loads {@code Cli} (seen in its class-loading log,
 * an ordinary JVM option), which {@code main} does right after installing its shutdown hook: a signal
 * before {@code main} runs meets the bare JVM, whose exit code no program can choose.
 */
class SignalExitCodeIT {

    private static final int PHOTOS = 12;

    @TempDir
    Path dir;

    private Path in;
    private Path out;

    @BeforeEach
    void setUp() {
        Assumptions.assumeTrue(ChildCli.available(), "needs the packaged jar (run under Failsafe)");
        Assumptions.assumeTrue(System.getProperty("os.name", "").startsWith("Linux"), "sends POSIX signals");
        in = dir.resolve("in");
        out = dir.resolve("out");
        for (int i = 0; i < PHOTOS; i++) {
            Photos.write(Photos.gray(64 + i, 48, i), in.resolve("roll" + (i % 2) + "/photo" + i + ".png"));
        }
    }

    @ParameterizedTest(name = "SIG{0} {1} ms into main")
    @CsvSource({"TERM, 0", "TERM, 20", "TERM, 150", "TERM, 600", "TERM, 1500", "INT, 0", "INT, 1000"})
    void aSignalAtAnyPointExitsWithCode4(String signal, long delayMillis) throws Exception {
        Path classLog = dir.resolve("classes-" + signal + "-" + delayMillis + ".log");
        ChildCli.Child child = new ChildCli(dir)
                .jvm("-Xlog:class+load=info:file=" + classLog)
                .jvm("-D" + SepiaTestProvider.DELAY_PROPERTY + "=200")
                .start("-b", SepiaTestProvider.NAME, in.toString(), "--out", out.toString(), "--progress", "lines");
        awaitMainStarted(child, classLog);
        Thread.sleep(delayMillis);
        assertThat(child.process().isAlive()).as("still running when signalled").isTrue();
        Process kill = new ProcessBuilder(
                        "kill", "-" + signal, Long.toString(child.process().pid()))
                .redirectErrorStream(true)
                .start();
        assertThat(kill.waitFor()).isZero();
        assertThat(child.waitFor(90))
                .as("stdout: %s%nstderr: %s", child.out(), child.err())
                .isEqualTo(4);
        if (Files.isDirectory(out)) {
            try (Stream<Path> files = Files.walk(out)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(PartFiles::isPartFile);
            }
        }
    }

    private static void awaitMainStarted(ChildCli.Child child, Path classLog) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(classLog) || !Files.readString(classLog).contains("cli.internal.command.Cli source:")) {
            if (!child.process().isAlive()) {
                throw new AssertionError("child ended early: " + child.out() + child.err());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("main never started: " + child.err());
            }
            Thread.sleep(2);
        }
    }
}
