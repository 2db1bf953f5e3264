package io.github.colorize.cli.internal.batch;

/**
 * The batch cannot start as asked: the output folder is an input folder, an input lies inside the
 * output folder, or another run holds the output folder. Maps to the usage exit code. The message is
 * one line for the user.
 */
public final class BatchUsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one line naming the path and the problem
     */
    public BatchUsageException(String message) {
        super(message);
    }
}
