package io.github.colorize.cli;

import io.github.colorize.cli.internal.command.Cli;
import io.github.colorize.cli.internal.command.ShutdownInterrupts;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The {@code colorize} command's entry point. Run {@code colorize --help} for usage and exit codes.
 *
 * <p>Not an API: everything else in this module is internal and may change.
 */
public final class Main {

    private Main() {}

    /**
     * Runs the command and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        Charset cs = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
        // First of all: a Ctrl-C or SIGTERM at any later point exits with code 4, never the JVM's 130/143.
        ShutdownInterrupts interrupts = ShutdownInterrupts.install(out, err);
        System.setProperty("java.awt.headless", "true");
        configureLogging(args);
        int code = Cli.run(args, Cli.productionContext(out, err, interrupts));
        out.flush();
        err.flush();
        interrupts.finished();
        System.exit(code);
    }

    /**
     * Backend libraries log through SLF4J (slf4j-simple here, to stderr): warnings only, unless
     * {@code --verbose}. Must run before the first logger is created.
     */
    private static void configureLogging(String[] args) {
        boolean verbose = false;
        for (String a : args) {
            if (a.equals("-v") || a.equals("--verbose")) {
                verbose = true;
            }
        }
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        }
    }
}
