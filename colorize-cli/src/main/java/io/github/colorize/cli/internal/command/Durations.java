package io.github.colorize.cli.internal.command;

import java.time.Duration;
import java.util.Locale;

/** Short human renderings of durations. Stateless, thread-safe. */
public final class Durations {

    private Durations() {}

    /**
     * For totals: {@code 850 ms}, {@code 4.2 s}, {@code 3m 12s}, {@code 1h 05m}.
     *
     * @param d the duration
     * @return the text
     */
    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = d.toSeconds();
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
    }

    /**
     * For per-photo times: always seconds with one decimal ({@code 0.4 s}, {@code 12.3 s}).
     *
     * @param d the duration
     * @return the text
     */
    public static String perPhoto(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
