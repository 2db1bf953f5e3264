package io.github.colorize.cli.internal.command;

import java.time.Duration;

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
        int barWidth = Math.max(0, Math.min(40, width - 1 - count.length() - 3 - tail.length()));
        StringBuilder sb = new StringBuilder(count);
        if (barWidth >= 5) {
            int filled = total == 0 ? barWidth : (int) ((long) barWidth * finished / total);
            sb.append(" [");
            for (int i = 0; i < barWidth; i++) {
                sb.append(i < filled ? '=' : i == filled ? '>' : ' ');
            }
            sb.append(']');
        }
        sb.append(tail);
        return sb.length() < width ? sb.toString() : sb.substring(0, Math.max(0, width - 1));
    }
}
