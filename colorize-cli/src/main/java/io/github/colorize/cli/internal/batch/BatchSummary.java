package io.github.colorize.cli.internal.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The totals of one batch. Immutable.
 *
 * @param done photos colourised
 * @param skipped inputs left alone (done before, in colour already, not photos)
 * @param failed inputs that could not be colourised
 * @param notStarted photos never started because the run was interrupted
 * @param interrupted whether the run was stopped early by Ctrl-C
 * @param stopped why the run stopped early on a failure no further photo could avoid, if it did
 * @param wall the run's wall time
 * @param colorizeWall the wall time of the colourising phase alone
 * @param runLog the per-run JSON-lines log
 */
public record BatchSummary(
        int done,
        int skipped,
        int failed,
        int notStarted,
        boolean interrupted,
        Optional<FatalFailures.Stop> stopped,
        Duration wall,
        Duration colorizeWall,
        Path runLog) {

    /**
     * Wall time per colourised photo (the colourising phase divided by the photos done), the figure
     * that matters for planning a large batch with {@code --jobs}.
     *
     * @return the average, or zero when nothing was done
     */
    public Duration wallPerPhoto() {
        return done == 0 ? Duration.ZERO : colorizeWall.dividedBy(done);
    }
}
