package io.github.colorize.cli.internal.command;

import io.github.colorize.video.VideoListener;
import io.github.colorize.video.VideoProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows a film's progress: a redrawn line on stderr on a terminal ({@code 120/795 [===>   ] 15% 2.4 fps
 * ETA 4m 41s}), or a plain line on stdout at most every {@value #LINE_SECONDS} seconds otherwise. Called
 * on the job's thread; {@link #message} may come from another (Ctrl-C), so output is serialised.
 */
final class VideoProgressPrinter implements VideoListener {

    /** How progress is shown. */
    enum Mode {
        BAR,
        LINES,
        NONE
    }

    static final int LINE_SECONDS = 10;

    private final PrintWriter err;
    private final PrintWriter out;
    private final Mode mode;
    private final int width;
    private long lastLineNanos;
    private long lastBarNanos;
    private boolean barShown;

    VideoProgressPrinter(PrintWriter err, PrintWriter out, Mode mode, int width) {
        this.err = err;
        this.out = out;
        this.mode = mode;
        this.width = width;
        this.lastLineNanos = System.nanoTime();
    }

    @Override
    public synchronized void onProgress(VideoProgress p) {
        long now = System.nanoTime();
        switch (mode) {
            case BAR -> {
                // Redrawing costs little, but a few times a second is all a person can read.
                if (now - lastBarNanos > 200_000_000L || p.framesDone() == p.framesTotal()) {
                    lastBarNanos = now;
                    err.print("\r" + line(p, width));
                    err.flush();
                    barShown = true;
                }
            }
            case LINES -> {
                if (now - lastLineNanos >= LINE_SECONDS * 1_000_000_000L) {
                    lastLineNanos = now;
                    out.println(line(p, Integer.MAX_VALUE));
                    out.flush();
                }
            }
            case NONE -> {}
        }
    }

    /** Prints a message on its own line, keeping the bar intact. */
    synchronized void message(String text) {
        clear();
        err.println("colorize: " + ConsoleReporter.shown(text));
        err.flush();
    }

    /** Removes the bar before the summary. */
    synchronized void done() {
        clear();
    }

    private void clear() {
        if (barShown) {
            err.print("\r" + " ".repeat(Math.max(0, width - 1)) + "\r");
            err.flush();
            barShown = false;
        }
    }

    /**
     * One progress line.
     *
     * @param p the progress
     * @param width the room, in columns
     * @return for example {@code 120/795 [====>     ] 15%  2.40 fps  ETA 4m 41s}
     */
    static String line(VideoProgress p, int width) {
        String count = p.framesDone() + "/" + (p.framesTotal() > 0 ? Long.toString(p.framesTotal()) : "?");
        StringBuilder tail = new StringBuilder();
        if (p.fraction() >= 0) {
            tail.append(' ').append((int) (100 * p.fraction())).append('%');
        }
        tail.append(String.format(Locale.ROOT, "  %.2f fps", p.framesPerSecond()));
        Duration eta = p.eta();
        tail.append("  ETA ").append(eta == null ? "--" : Durations.human(eta));
        double fraction = p.fraction();
        return ProgressLine.layout(count, bar -> fraction < 0 ? -1 : (int) (bar * fraction), tail, width);
    }
}
