package io.github.colorize.cli.internal.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises a full disk (or a used-up disk quota) under the output folder, after which every further
 * write fails too: the batch then stops, as on a used-up remote quota, instead of colourising the
 * remaining photos only to fail each write. Stateless, thread-safe.
 *
 * <p>Java reports {@code ENOSPC} as a plain {@link IOException} carrying the operating system's text,
 * so the text is matched ({@code No space left on device}, {@code Disk quota exceeded}, Windows' {@code
 * There is not enough space on the disk}), anywhere in the cause chain because encoders wrap it; and
 * since that text may be translated, a write failure on a file store with less than {@value
 * #NEARLY_FULL_BYTES} bytes usable counts as well.
 */
public final class DiskFull implements FatalFailures {

    /** Usable space below which a failed write is put down to a full disk. */
    static final long NEARLY_FULL_BYTES = 1L << 20;

    private static final String[] MESSAGES = {
        "no space left on device", "disk quota exceeded", "not enough space on the disk"
    };

    private final Path outDir;
    private final int exitCode;

    private DiskFull(Path outDir, int exitCode) {
        this.outDir = outDir;
        this.exitCode = exitCode;
    }

    /**
     * The recogniser for one output folder.
     *
     * @param outDir the output folder, named in the message and asked for its usable space
     * @param exitCode the exit code of a batch stopped by a full disk
     * @return the recogniser
     */
    public static DiskFull under(Path outDir, int exitCode) {
        return new DiskFull(outDir, exitCode);
    }

    @Override
    public Optional<Stop> stop(Throwable failure) {
        if (!isDiskFull(failure)) {
            return Optional.empty();
        }
        return Optional.of(new Stop(
                exitCode,
                "no space left for the output in " + outDir
                        + "; free some space (or choose another --out), then run the same command again to finish"));
    }

    private boolean isDiskFull(Throwable failure) {
        boolean io = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null) {
                String lower = m.toLowerCase(Locale.ROOT);
                for (String full : MESSAGES) {
                    if (lower.contains(full)) {
                        return true;
                    }
                }
            }
            io |= t instanceof IOException;
        }
        return io && usableSpace() < NEARLY_FULL_BYTES;
    }

    private long usableSpace() {
        try {
            return Files.getFileStore(outDir).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE; // unknown: do not stop the batch on a guess
        }
    }
}
