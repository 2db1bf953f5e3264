package io.github.colorize.video.internal;

import io.github.colorize.internal.io.Sha256;
import io.github.colorize.video.UndecodableVideoException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The SHA-256 of a source film, for the provenance record and the resume fingerprint. The hashing is
 * {@link Sha256#ofFile(Path, Runnable)}'s; this class only turns a read failure into the typed error
 * a video job throws. Stateless.
 */
public final class SourceHash {

    private SourceHash() {}

    /**
     * Hashes a film by streaming it.
     *
     * @param file the file
     * @param checkpoint called every few megabytes (may throw to cancel)
     * @return lower-case hex
     * @throws UndecodableVideoException if the file cannot be read
     */
    public static String sha256(Path file, Runnable checkpoint) {
        try {
            return Sha256.ofFile(file, checkpoint);
        } catch (NoSuchFileException e) {
            throw new UndecodableVideoException(file, "no such file", e);
        } catch (IOException e) {
            throw new UndecodableVideoException(file, "cannot read: " + e.getMessage(), e);
        }
    }
}
