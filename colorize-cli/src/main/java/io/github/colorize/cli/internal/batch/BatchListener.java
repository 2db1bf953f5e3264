package io.github.colorize.cli.internal.batch;

/**
 * Hears about a batch as it runs, to show progress and errors. {@link #finished} is called from worker
 * threads, so implementations must be thread-safe.
 */
public interface BatchListener {

    /**
     * Something worth a line that is neither a result nor a failure (a symbolic-link loop, partial
     * files cleaned up).
     *
     * @param message the line, without the {@code colorize: } prefix
     */
    default void warning(String message) {}

    /**
     * Checking is over; colourising starts.
     *
     * @param toColorize how many photos will be colourised
     * @param alreadySettled how many inputs were skipped or failed while checking
     */
    default void started(int toColorize, int alreadySettled) {}

    /**
     * One input is settled.
     *
     * @param outcome what happened
     */
    void finished(FileOutcome outcome);

    /**
     * The batch is over.
     *
     * @param summary the totals
     */
    default void completed(BatchSummary summary) {}
}
