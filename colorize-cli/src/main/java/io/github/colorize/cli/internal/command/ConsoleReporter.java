package io.github.colorize.cli.internal.command;

import io.github.colorize.cli.internal.batch.BatchListener;
import io.github.colorize.cli.internal.batch.BatchRunner;
import io.github.colorize.cli.internal.batch.BatchSummary;
import io.github.colorize.cli.internal.batch.FileOutcome;
import io.github.colorize.cli.internal.batch.ResourceUsage;
import io.github.colorize.internal.text.SafeText;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Shows a batch to a person: a progress bar with ETA on a terminal, or one plain line per photo
 * otherwise (logs, pipes, CI). Errors always go to stderr as one line each, {@code colorize: <file>:
 * <cause>}; results and the summary go to stdout. File names and reasons are printed through {@link
 * SafeText#printable}: a name may hold ESC (terminal commands) or a line break (a forged second line),
 * which are shown as escapes, while ordinary names of any script print as they are. Thread-safe: all
 * output is serialised.
 */
final class ConsoleReporter implements BatchListener {

    private final PrintWriter out;
    private final PrintWriter err;
    private final ProgressMode mode;
    private final boolean verbose;
    private final int width;
    private final LongSupplier nanoTime;
    private boolean colorising;
    private long startNanos;
    private int total;
    private int finished;
    private int failed;
    private boolean barShown;

    ConsoleReporter(
            PrintWriter out, PrintWriter err, ProgressMode mode, boolean verbose, int width, LongSupplier nanoTime) {
        this.out = out;
        this.err = err;
        this.mode = mode;
        this.verbose = verbose;
        this.width = width;
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized void warning(String message) {
        clearBar();
        err.println("colorize: " + shown(message));
        err.flush();
        drawBar();
    }

    @Override
    public synchronized void started(int toColorize, int alreadySettled) {
        colorising = true;
        total = toColorize;
        startNanos = nanoTime.getAsLong();
        if (mode == ProgressMode.LINES || verbose) {
            out.println("colorize: " + toColorize + " photo(s) to colourise"
                    + (alreadySettled > 0 ? ", " + alreadySettled + " settled while checking" : ""));
            out.flush();
        }
        drawBar();
    }

    @Override
    public synchronized void finished(FileOutcome o) {
        clearBar();
        switch (o.status()) {
            case FAILED -> {
                failed++;
                err.println("colorize: " + shown(o.path()) + ": " + shown(o.reason()));
                err.flush();
            }
            case DONE -> {
                if (mode == ProgressMode.LINES || verbose) {
                    out.println("done     " + shown(o.path()) + " -> " + shown(o.output()) + "  ("
                            + Durations.perPhoto(Duration.ofMillis(o.timings().totalMillis())) + ")");
                }
            }
            case SKIPPED -> {
                if ((mode == ProgressMode.LINES && !BatchRunner.ALREADY_DONE.equals(o.reason())) || verbose) {
                    out.println("skipped  " + shown(o.path()) + ": " + shown(o.reason()));
                }
            }
        }
        out.flush();
        if (colorising) {
            finished++;
        }
        drawBar();
    }

    @Override
    public synchronized void completed(BatchSummary s) {
        clearBar();
        StringBuilder line = new StringBuilder("colorize: ")
                .append(s.done())
                .append(" done, ")
                .append(s.skipped())
                .append(" skipped, ")
                .append(s.failed())
                .append(" failed in ")
                .append(Durations.human(s.wall()));
        if (s.done() > 0) {
            line.append(" (").append(Durations.perPhoto(s.wallPerPhoto())).append(" per photo)");
        }
        out.println(line);
        s.stopped()
                .ifPresent(stop -> out.println("colorize: stopped early: " + shown(stop.reason()) + "; "
                        + s.notStarted() + " photo(s) not started."));
        if (s.interrupted()) {
            out.println("colorize: interrupted; " + s.notStarted()
                    + " photo(s) not started. Run the same command again to finish.");
        }
        if (s.failed() > 0 || verbose) {
            out.println("colorize: details in " + shown(s.runLog()));
        }
        if (verbose) {
            StringBuilder mem = new StringBuilder("colorize: peak heap ")
                    .append(ResourceUsage.peakHeapBytes() >> 20)
                    .append(" MiB");
            ResourceUsage.peakRssBytes()
                    .ifPresent(b -> mem.append(", peak RSS ").append(b >> 20).append(" MiB"));
            out.println(mem);
        }
        out.flush();
    }

    /**
     * A file name or a reason (which may quote one), on one line and with nothing a terminal acts on:
     * every command prints outside text through this.
     */
    static String shown(Object text) {
        return SafeText.printable(String.valueOf(text));
    }

    private void drawBar() {
        if (mode != ProgressMode.BAR || !colorising) {
            return;
        }
        Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - startNanos);
        err.print("\r" + ProgressLine.render(finished, total, failed, elapsed, width));
        err.flush();
        barShown = true;
    }

    private void clearBar() {
        if (barShown) {
            err.print("\r" + " ".repeat(Math.max(0, width - 1)) + "\r");
            err.flush();
            barShown = false;
        }
    }
}
