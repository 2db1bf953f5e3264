package io.github.colorize.cli.internal.command;

import io.github.colorize.cli.internal.batch.ColorCheck;
import io.github.colorize.cli.internal.batch.FatalFailures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/** Runs the command in-process with captured output, as a test would a child process. */
final class CliHarness {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final Map<String, String> env = new HashMap<>();
    ColorCheck colorCheck = Cli.defaultColorCheck();
    FatalFailures fatal = FatalFailures.NONE;

    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CliContext ctx = new CliContext(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                Interrupts.NONE,
                env::get,
                false,
                colorCheck,
                fatal);
        return Cli.run(args, ctx);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}
