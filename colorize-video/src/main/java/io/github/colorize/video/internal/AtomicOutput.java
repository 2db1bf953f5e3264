package io.github.colorize.video.internal;

import io.github.colorize.internal.io.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file through a hidden temporary file beside it, renamed over the target only when
 * complete, so the target path never holds a partial film.
 *
 * <p>Each job gets its own temporary file ({@code .NAME.<random>.colorize-part}) and holds an
 * operating-system lock on it until it commits or discards. Two jobs writing the same target (two CLI
 * runs started by mistake, or two library threads) therefore never write into, delete or commit each
 * other's file: each commits its own complete film, and the last rename wins. A temporary file whose
 * lock nobody holds is a leftover of a killed run ({@code kill -9}, power loss) and is deleted when the
 * next job for that target starts. Not thread-safe; one per job.
 */
public final class AtomicOutput implements AutoCloseable {

    /** The suffix of temporary files. */
    public static final String SUFFIX = ".colorize-part";

    private static final int MAX_ATTEMPTS = 17;

    private final Path target;
    private final Path temp;
    private FileChannel channel;

    private AtomicOutput(Path target, Path temp, FileChannel channel) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
    }

    /**
     * Prepares to write a target: its folder must exist; leftover temporary files of killed runs are
     * deleted; a new temporary file is created and locked for this job.
     *
     * @param target the final path
     * @return the output; the caller must {@link #commit()} or {@link #discard()} it
     * @throws IOException if the folder is missing or the temporary file cannot be created
     */
    public static AtomicOutput prepare(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException(target + ": the output folder does not exist");
        }
        if (Files.isDirectory(abs)) {
            throw new IOException(target + ": is a folder, not a file");
        }
        sweepLeftovers(abs);
        String name = abs.getFileName().toString();
        for (int attempt = 1; ; attempt++) {
            Path temp = dir.resolve("." + name + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + SUFFIX);
            FileChannel ch;
            try {
                ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                continue;
            }
            try {
                ch.lock();
            } catch (IOException | RuntimeException e) {
                ch.close();
                Files.deleteIfExists(temp);
                throw e;
            }
            if (Files.exists(temp)) {
                return new AtomicOutput(abs, temp, ch);
            }
            // Another job's sweep locked and deleted the new file before this job could lock it
            // (a window of microseconds): the lock is on an unlinked file, so start again.
            ch.close();
            if (attempt >= MAX_ATTEMPTS) {
                throw new IOException(target + ": the temporary file kept disappearing; is another job sweeping?");
            }
        }
    }

    /** Deletes this target's temporary files whose lock no live job holds (and the old fixed name). */
    private static void sweepLeftovers(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(target.getParent(), p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(SUFFIX);
        })) {
            for (Path part : parts) {
                deleteIfAbandoned(part);
            }
        }
        deleteIfAbandoned(target.resolveSibling("." + target.getFileName() + SUFFIX));
    }

    private static void deleteIfAbandoned(Path part) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(part, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            return;
        }
        try (ch) {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                return; // a job in this JVM writes it
            }
            if (lock != null) {
                Files.deleteIfExists(part); // unlinked while locked: nobody can adopt it meanwhile
            }
        }
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
     * Flushes the temporary file to disk and renames it over the target, then releases its lock.
     *
     * @throws IOException if that fails (the temporary file is then deleted)
     * @throws IllegalStateException if already committed or discarded
     */
    public void commit() throws IOException {
        if (channel == null) {
            throw new IllegalStateException(temp + ": already committed or discarded");
        }
        try {
            channel.force(true);
            AtomicFiles.moveIntoPlace(temp, target);
            close();
        } catch (IOException e) {
            discard();
            throw e;
        }
    }

    /** Deletes the temporary file, if any, and releases its lock; never throws; idempotent. */
    public void discard() {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            temp.toFile().deleteOnExit();
        }
        close();
    }

    /** Releases the lock without deleting; after a commit, or by {@link #discard()}. Never throws. */
    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close(); // releases the lock
            } catch (IOException ignored) {
                // Closing a channel opened for writing that was already forced: nothing is lost.
            }
            channel = null;
        }
    }
}
