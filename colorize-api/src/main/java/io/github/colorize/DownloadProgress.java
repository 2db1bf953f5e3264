package io.github.colorize;

/**
 * Hears how far a model download has got, for a progress bar. Called on the downloading thread, often
 * (once per buffer); implementations must be quick and must not throw. Implementations need not be
 * thread-safe unless they are shared between concurrent downloads.
 */
@FunctionalInterface
public interface DownloadProgress {

    /** Ignores progress. */
    DownloadProgress NONE = (done, total) -> {};

    /**
     * Reports progress.
     *
     * @param bytesDone bytes received so far
     * @param bytesTotal the file size from the server, or -1 when it did not say
     */
    void update(long bytesDone, long bytesTotal);
}
