package io.github.colorize.cli.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.cli.internal.batch.BatchRunner;
import io.github.colorize.cli.internal.batch.BatchSummary;
import io.github.colorize.cli.internal.batch.FileOutcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleReporterTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicLong now = new AtomicLong();

    private ConsoleReporter reporter(ProgressMode mode) {
        return new ConsoleReporter(new PrintWriter(out), new PrintWriter(err), mode, false, 80, now::get);
    }

    private static FileOutcome done(String name) {
        return new FileOutcome(
                Path.of("in", name + ".jpg"),
                name + ".png",
                FileOutcome.Status.DONE,
                null,
                "h",
                new FileOutcome.StageTimes(1, 2, 3000, 4, 3007));
    }

    private static FileOutcome failed(String name) {
        return new FileOutcome(
                Path.of("in", name + ".jpg"),
                null,
                FileOutcome.Status.FAILED,
                "cannot decode: bad",
                null,
                FileOutcome.StageTimes.NONE);
    }

    @Test
    void onATerminalAProgressBarWithEtaIsRedrawnOnStderr() {
        ConsoleReporter r = reporter(ProgressMode.BAR);
        r.started(4, 0);
        now.addAndGet(Duration.ofSeconds(3).toNanos());
        r.finished(done("a"));
        assertThat(err.toString())
                .contains("\r1/4 [")
                .contains(" 25%")
                .contains("3.0 s/photo")
                .contains("ETA 9.0 s");
        r.finished(failed("b"));
        assertThat(err.toString())
                .contains("colorize: in/b.jpg: cannot decode: bad\n")
                .contains("2/4")
                .contains("1 failed");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void otherwisePlainLinesOnStdoutAndErrorsOnStderr() {
        ConsoleReporter r = reporter(ProgressMode.LINES);
        r.finished(new FileOutcome(
                Path.of("in/x.jpg"),
                "x.png",
                FileOutcome.Status.SKIPPED,
                BatchRunner.ALREADY_DONE,
                "h",
                FileOutcome.StageTimes.NONE));
        r.started(2, 1);
        r.finished(done("a"));
        r.finished(failed("b"));
        r.completed(new BatchSummary(
                1,
                1,
                1,
                0,
                false,
                Optional.empty(),
                Duration.ofSeconds(4),
                Duration.ofSeconds(3),
                Path.of("out/.colorize-runs/r.jsonl")));
        assertThat(out.toString())
                .doesNotContain("x.jpg") // already-done skips are only counted
                .contains("colorize: 2 photo(s) to colourise, 1 settled while checking\n")
                .contains("done     in/a.jpg -> a.png  (3.0 s)\n")
                .contains("colorize: 1 done, 1 skipped, 1 failed in 4.0 s (3.0 s per photo)\n")
                .contains("colorize: details in out/.colorize-runs/r.jsonl\n");
        assertThat(err.toString()).isEqualTo("colorize: in/b.jpg: cannot decode: bad\n");
        assertThat(out.toString() + err.toString()).doesNotContain("\r");
    }

    @Test
    void anInterruptedRunSaysHowToFinish() {
        ConsoleReporter r = reporter(ProgressMode.NONE);
        r.completed(new BatchSummary(
                3, 0, 0, 7, true, Optional.empty(), Duration.ofSeconds(9), Duration.ofSeconds(9), Path.of("log")));
        assertThat(out.toString())
                .contains("colorize: interrupted; 7 photo(s) not started. Run the same command again to finish.");
    }
}
