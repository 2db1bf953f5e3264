package io.github.colorize.video.internal;

import io.github.colorize.internal.io.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file through a hidden temporary file beside it, renamed over the target only when
 * complete, so the target path never holds a partial film. The temporary name is fixed per target
 * ({@code .NAME.colorize-part}), so a rerun after a crash or {@code kill -9} finds and deletes the
 * leftover before starting over. Not thread-safe; one per job.
 */
public final class AtomicOutput {

    /** The suffix of temporary files. */
    public static final String SUFFIX = ".colorize-part";

    private final Path target;
    private final Path temp;

    private AtomicOutput(Path target) {
        this.target = target.toAbsolutePath().normalize();
        this.temp = this.target.resolveSibling("." + this.target.getFileName() + SUFFIX);
    }

    /**
     * Prepares to write a target: its folder must exist; a leftover temporary file from an
     * interrupted run is deleted.
     *
     * @param target the final path
     * @return the output
     * @throws IOException if the folder is missing or the leftover cannot be deleted
     */
    public static AtomicOutput prepare(Path target) throws IOException {
        AtomicOutput o = new AtomicOutput(target);
        Path dir = o.target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException(target + ": the output folder does not exist");
        }
        if (Files.isDirectory(o.target)) {
            throw new IOException(target + ": is a folder, not a file");
        }
        Files.deleteIfExists(o.temp);
        return o;
    }

    /** @return where to write now */
    public Path temp() {
        return temp;
    }

    /** @return the final path */
    public Path target() {
        return target;
    }

    /**
     * Flushes the temporary file to disk and renames it over the target.
     *
     * @throws IOException if that fails (the temporary file is then deleted)
     */
    public void commit() throws IOException {
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            AtomicFiles.moveIntoPlace(temp, target);
        } catch (IOException e) {
            discard();
            throw e;
        }
    }

    /** Deletes the temporary file, if any; never throws. */
    public void discard() {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            temp.toFile().deleteOnExit();
        }
    }
}
