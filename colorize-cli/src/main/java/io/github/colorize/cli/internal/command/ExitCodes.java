package io.github.colorize.cli.internal.command;

/**
 * The command's exit codes, as listed in {@code --help} and the README. Stable: scripts depend on them.
 */
public final class ExitCodes {

    /** Every photo was colourised or skipped (done before, in colour already). */
    public static final int OK = 0;
    /** At least one photo failed; the others were processed. Also: verify found a file without a valid record. */
    public static final int SOME_FAILED = 1;
    /** Bad arguments, or the output folder cannot be used (an input folder, or locked by another run). */
    public static final int USAGE = 2;
    /** No backend can run, or the named backend is unknown or unavailable. */
    public static final int NO_BACKEND = 3;
    /**
     * Interrupted (Ctrl-C, SIGTERM) at any point: photos in flight were finished; rerun to complete the
     * job.
     */
    public static final int INTERRUPTED = 4;
    /** A remote service's quota is used up. */
    public static final int QUOTA = 5;
    /** The disk holding the output folder is full: the batch stopped; free space and rerun to finish. */
    public static final int DISK_FULL = 6;

    private ExitCodes() {}
}
