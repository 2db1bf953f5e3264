package io.github.colorize.cli.internal.command;

import io.github.colorize.BackendUnavailableException;
import io.github.colorize.ModelException;
import io.github.colorize.NoBackendException;
import io.github.colorize.cli.internal.batch.Causes;
import io.github.colorize.cli.internal.batch.ColorCheck;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Builds the {@code colorize} command tree and runs it, mapping every failure to one stderr line and an
 * exit code (see {@link ExitCodes}). Stateless; each call builds a fresh tree.
 */
public final class Cli {

    private Cli() {}

    /**
     * The context of a real process: the console, the environment, Ctrl-C routing.
     *
     * @param out stdout
     * @param err stderr
     * @param interrupts Ctrl-C routing
     * @return the context
     */
    public static CliContext productionContext(PrintWriter out, PrintWriter err, Interrupts interrupts) {
        return new CliContext(
                out,
                err,
                interrupts,
                System::getenv,
                System.console() != null,
                defaultColorCheck(),
                RemoteFailures.INSTANCE);
    }

    static ColorCheck defaultColorCheck() {
        return ToneColorCheck.INSTANCE;
    }

    /**
     * Runs a command line.
     *
     * @param args the arguments
     * @param ctx the context
     * @return the exit code
     */
    public static int run(String[] args, CliContext ctx) {
        CommandLine cl = commandLine(ctx);
        return cl.execute(args);
    }

    static CommandLine commandLine(CliContext ctx) {
        CommandLine cl = new CommandLine(new ColorizeCommand(ctx));
        cl.addSubcommand("backends", new BackendsCommand(ctx));
        cl.addSubcommand("compare", new CompareCommand(ctx));
        cl.addSubcommand("eval", new EvalCommand(ctx));
        cl.addSubcommand("models", new ModelsCommand(ctx));
        cl.addSubcommand("verify", new VerifyCommand(ctx));
        cl.addSubcommand("video", new VideoCommand(ctx));
        cl.setOut(ctx.out());
        cl.setErr(ctx.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            ctx.err()
                    .println("colorize: " + Causes.oneLine(String.valueOf(ex.getMessage()))
                            + " (see 'colorize --help')");
            ctx.err().flush();
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            int code = exitCode(ex);
            String line;
            if (ex instanceof UsageError) {
                line = ex.getMessage() + " (see 'colorize --help')";
            } else if (code == ExitCodes.SOME_FAILED && !(ex instanceof io.github.colorize.ColorizeException)) {
                line = "internal error: " + Causes.of(ex);
            } else {
                line = Causes.of(ex);
            }
            ctx.err().println("colorize: " + ConsoleReporter.shown(line));
            ctx.err().flush();
            return code;
        });
        return cl;
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof UsageError) {
            return ExitCodes.USAGE;
        }
        if (ex instanceof NoBackendException
                || ex instanceof BackendUnavailableException
                || ex instanceof ModelException) {
            return ExitCodes.NO_BACKEND;
        }
        return ExitCodes.SOME_FAILED;
    }
}
