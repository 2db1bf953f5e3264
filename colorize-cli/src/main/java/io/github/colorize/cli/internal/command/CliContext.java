package io.github.colorize.cli.internal.command;

import io.github.colorize.cli.internal.batch.ColorCheck;
import io.github.colorize.cli.internal.batch.FatalFailures;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.function.Function;

/**
 * What every command gets from the process: its streams, interrupt routing, environment, and how to
 * tell colour photos. Immutable.
 *
 * @param out results and summaries
 * @param err one-line errors, warnings and the progress bar
 * @param interrupts Ctrl-C routing
 * @param environment the process environment ({@link System#getenv(String)} in production)
 * @param terminal whether stdout is an interactive terminal (a progress bar is shown then)
 * @param colourCheck tells photos in colour already
 * @param fatalFailures failures that stop a whole batch (a remote quota used up)
 */
public record CliContext(
        PrintWriter out,
        PrintWriter err,
        Interrupts interrupts,
        Function<String, String> environment,
        boolean terminal,
        ColorCheck colorCheck,
        FatalFailures fatalFailures) {

    /** Validates the components. */
    public CliContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(interrupts, "interrupts");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(colorCheck, "colourCheck");
        Objects.requireNonNull(fatalFailures, "fatalFailures");
    }

    /**
     * The terminal width: {@code COLUMNS} if set, else 80.
     *
     * @return columns
     */
    int width() {
        String cols = environment.apply("COLUMNS");
        try {
            return cols == null ? 80 : Math.max(20, Integer.parseInt(cols.trim()));
        } catch (NumberFormatException e) {
            return 80;
        }
    }
}
