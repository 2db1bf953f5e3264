package io.github.colorize.cli.internal.command;

import java.util.Locale;

/**
 * How a command shows progress, the {@code --progress} option of the photo and film commands: the one
 * place that option is parsed and {@code auto} decided.
 */
enum ProgressMode {
    /** A redrawn progress line on stderr (terminals). */
    BAR,
    /** Plain lines on stdout. */
    LINES,
    /** Errors and the summary only. */
    NONE;

    /** The option's default. */
    static final String DEFAULT = "auto";

    /** The option's help text. */
    static final String DESCRIPTION = "auto (a bar on a terminal, lines otherwise), bar, lines or none.";

    /**
     * Parses the option; {@code auto} is a bar on a terminal (not a dumb one), lines otherwise.
     *
     * @param option the option's text, any case
     * @param ctx says whether output goes to a terminal
     * @return the mode
     * @throws UsageError naming the accepted values
     */
    static ProgressMode parse(String option, CliContext ctx) {
        return switch (option.toLowerCase(Locale.ROOT)) {
            case "auto" -> ctx.terminal() && !"dumb".equals(ctx.environment().apply("TERM")) ? BAR : LINES;
            case "bar" -> BAR;
            case "lines" -> LINES;
            case "none" -> NONE;
            default -> throw new UsageError("--progress must be auto, bar, lines or none, got '" + option + "'");
        };
    }
}
