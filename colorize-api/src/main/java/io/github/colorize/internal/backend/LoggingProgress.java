package io.github.colorize.internal.backend;

import io.github.colorize.DownloadProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a model download's progress at INFO every 10 %, for runs without a progress bar. One instance
 * per download; not thread-safe (a download reports from one thread).
 */
public final class LoggingProgress implements DownloadProgress {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingProgress.class);

    private final String model;
    private int lastDecile = -1;

    /**
     * A progress logger.
     *
     * @param model the model's name, for the log line
     */
    public LoggingProgress(String model) {
        this.model = model;
    }

    @Override
    public void update(long done, long total) {
        if (total <= 0) {
            return;
        }
        int decile = (int) (10 * Math.min(done, total) / total);
        if (decile != lastDecile) {
            lastDecile = decile;
            LOG.info("model {}: downloaded {} %", model, decile * 10);
        }
    }
}
