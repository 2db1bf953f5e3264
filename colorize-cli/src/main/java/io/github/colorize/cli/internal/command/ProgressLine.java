package io.github.colorize.cli.internal.command;

import java.time.Duration;
import java.util.function.IntUnaryOperator;

/**
 * Formats the one-line progress bar shown on a terminal, for example {@code 12/69 [=====>      ] 17%
 * 3.1 s/photo ETA 2m 57s 1 failed}. Pure formatting: stateless, thread-safe.
 */
public final class ProgressLine {

    private ProgressLine() {}

    /**
     * Estimated time left: the photos left times the wall time per photo so far (which already reflects
     * {@code --jobs}).
     *
     * @param finished photos settled in the colourising phase
     * @param total photos to colourise
     * @param elapsed wall time of the colourising phase so far
     * @return the estimate, or null before the first photo is finished
     */
    public static Duration eta(int finished, int total, Duration elapsed) {
        if (finished <= 0 || total <= finished) {
            return finished <= 0 ? null : Duration.ZERO;
        }
        return elapsed.multipliedBy(total - finished).dividedBy(finished);
    }

    /**
     * Renders the line.
     *
     * @param finished photos settled so far
     * @param total photos to colourise
     * @param failed failures so far
     * @param elapsed wall time of the colourising phase so far
     * @param width the terminal width in columns
     * @return the line, at most {@code width - 1} characters (no newline)
     */
    public static String render(int finished, int total, int failed, Duration elapsed, int width) {
        String count = finished + "/" + total;
        int pct = total == 0 ? 100 : (int) (100L * finished / total);
        StringBuilder tail = new StringBuilder().append(' ').append(pct).append('%');
        if (finished > 0) {
            tail.append("  ")
                    .append(Durations.perPhoto(elapsed.dividedBy(finished)))
                    .append("/photo");
        }
        Duration eta = eta(finished, total, elapsed);
        tail.append("  ETA ").append(eta == null ? "--" : Durations.human(eta));
        if (failed > 0) {
            tail.append("  ").append(failed).append(" failed");
        }
        return layout(count, bar -> total == 0 ? bar : (int) ((long) bar * finished / total), tail, width);
    }

    /**
     * Lays out a progress line, for photos and films alike: the count, a bar of up to 40 columns where
     * there is room for at least 5, then the tail, cut to {@code width - 1} columns so that the terminal
     * never wraps it.
     *
     * @param count the count, for example {@code 12/69}
     * @param filled given the bar's width, how many of its columns are done; negative for no bar (the
     *     total is unknown)
     * @param tail what follows the bar, starting with its own space
     * @param width the terminal width in columns
     * @return the line, at most {@code width - 1} characters (no newline)
     */
    static String layout(String count, IntUnaryOperator filled, CharSequence tail, int width) {
        int barWidth = Math.max(0, Math.min(40, width - 1 - count.length() - 3 - tail.length()));
        int done = barWidth >= 5 ? filled.applyAsInt(barWidth) : -1;
        StringBuilder sb = new StringBuilder(count);
        if (done >= 0) {
            sb.append(" [");
            for (int i = 0; i < barWidth; i++) {
                sb.append(i < done ? '=' : i == done ? '>' : ' ');
            }
            sb.append(']');
        }
        sb.append(tail);
        return sb.length() < width ? sb.toString() : sb.substring(0, Math.max(0, width - 1));
    }
}
