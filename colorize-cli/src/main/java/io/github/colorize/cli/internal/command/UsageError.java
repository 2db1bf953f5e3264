package io.github.colorize.cli.internal.command;

/** Bad arguments found after parsing; reported as one line, exit code {@link ExitCodes#USAGE}. */
final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
        super(message);
    }
}
