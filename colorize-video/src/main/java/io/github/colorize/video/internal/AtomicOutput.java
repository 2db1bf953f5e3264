package io.github.colorize.video.internal;

import io.github.colorize.internal.io.AtomicFiles;
import io.github.colorize.internal.io.HeldLocks;
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
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a file through a hidden temporary file beside it, renamed over the target only when
 * complete, so the target path never holds a partial film.
 *
 * <p>Each job gets its own temporary file, {@code .NAME.<id>.colorize-part}, and holds an
 * operating-system lock on a companion file, {@code .NAME.<id>.colorize-lock}, until it commits or
 * discards. The lock is on the companion because FFmpeg opens and closes the film itself, and on Linux
 * closing any descriptor of a file drops the process's locks on it. Two jobs writing one target (two CLI
 * runs started by mistake, or two library threads) therefore never write into, delete or commit each
 * other's film: each commits its own, and the last rename wins. A temporary file whose lock no live job
 * holds is a leftover of a killed run ({@code kill -9}, power loss) and is deleted when the next job
 * for that target starts. Not thread-safe; one per job.
 */
public final class AtomicOutput implements AutoCloseable {

    /** The suffix of temporary films. */
    public static final String SUFFIX = ".colorize-part";

    /** The suffix of their lock files. */
    public static final String LOCK_SUFFIX = ".colorize-lock";

    private static final int MAX_ATTEMPTS = 17;

    private static final Logger LOG = LoggerFactory.getLogger(AtomicOutput.class);

    private final Path target;
    private final Path temp;
    private final Path lockFile;
    private FileChannel lockChannel;

    private AtomicOutput(Path target, Path temp, Path lockFile, FileChannel lockChannel) {
        this.target = target;
        this.temp = temp;
        this.lockFile = lockFile;
        this.lockChannel = lockChannel;
    }

    /**
     * Prepares to write a target: its folder must exist; leftover temporary files of killed runs are
     * deleted; this job's temporary file is reserved and locked.
     *
     * @param target the final path
     * @return the output; the caller must {@link #commit()} or {@link #discard()} it
     * @throws IOException if the folder is missing or the lock file cannot be created
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
        sweepLeftovers(dir, abs.getFileName().toString());
        String name = abs.getFileName().toString();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            String id = Long.toHexString(ThreadLocalRandom.current().nextLong());
            Path lockFile = dir.resolve("." + name + "." + id + LOCK_SUFFIX);
            HeldLocks.add(lockFile); // before it exists, so that no sweep in this JVM ever opens it
            FileChannel ch = null;
            try {
                ch = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                ch.lock();
                if (Files.exists(lockFile)) {
                    return new AtomicOutput(abs, dir.resolve("." + name + "." + id + SUFFIX), lockFile, ch);
                }
                // Another process's sweep locked and deleted the new file before this job could lock
                // it (a window of microseconds): the lock is on an unlinked file, so start again.
            } catch (FileAlreadyExistsException | OverlappingFileLockException e) {
                // A name in use: try another.
            } catch (IOException | RuntimeException e) {
                HeldLocks.remove(lockFile);
                closeQuietly(ch);
                Files.deleteIfExists(lockFile);
                throw e;
            }
            HeldLocks.remove(lockFile);
            closeQuietly(ch);
        }
        throw new IOException(target + ": cannot reserve a temporary file beside it");
    }

    /**
     * Deletes this target's temporary films whose lock no live job holds, with their lock files. Best
     * effort: a leftover that cannot be opened or deleted (another user's, in a shared folder) is
     * logged and left, never a reason to fail this job.
     */
    private static void sweepLeftovers(Path dir, String name) throws IOException {
        Pattern ours = Pattern.compile("\\." + Pattern.quote(name) + "(?:\\.([0-9a-f]{1,16}))?" + "("
                + Pattern.quote(SUFFIX) + "|" + Pattern.quote(LOCK_SUFFIX) + ")");
        Set<String> ids = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Matcher m = ours.matcher(f.getFileName().toString());
                if (m.matches()) {
                    ids.add(m.group(1) == null ? "" : m.group(1));
                }
            }
        }
        for (String id : ids) {
            String stem = "." + name + (id.isEmpty() ? "" : "." + id);
            Path part = dir.resolve(stem + SUFFIX);
            try {
                deleteIfAbandoned(part, dir.resolve(stem + LOCK_SUFFIX));
            } catch (IOException | RuntimeException e) {
                LOG.info("{}: cannot remove this leftover ({}); left as it is", part, e.toString());
            }
        }
    }

    private static void deleteIfAbandoned(Path part, Path lockFile) throws IOException {
        if (HeldLocks.contains(lockFile)) {
            return; // a job of this JVM
        }
        FileChannel ch;
        try {
            // Read-only and a shared lock: enough to learn whether a writer holds its exclusive lock,
            // and possible on another user's file.
            ch = FileChannel.open(lockFile, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            Files.deleteIfExists(part); // no lock at all: a killed run's film (or an older version's)
            return;
        }
        try (ch) {
            FileLock lock;
            try {
                lock = ch.tryLock(0, Long.MAX_VALUE, true);
            } catch (OverlappingFileLockException e) {
                return;
            }
            if (lock != null) {
                // Deleted while locked: a job that opened the lock file meanwhile finds it gone.
                Files.deleteIfExists(part);
                Files.deleteIfExists(lockFile);
            }
        }
    }

    /** @return where to write now (not created yet: the writer creates it) */
    public Path temp() {
        return temp;
    }

    /** @return the final path */
    public Path target() {
        return target;
    }

    /**
     * Flushes the temporary file to disk and renames it over the target, then releases the lock.
     *
     * @throws IOException if that fails (the temporary file is then deleted)
     * @throws IllegalStateException if already committed or discarded
     */
    public void commit() throws IOException {
        if (lockChannel == null) {
            throw new IllegalStateException(temp + ": already committed or discarded");
        }
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            AtomicFiles.moveIntoPlace(temp, target);
            close();
        } catch (IOException e) {
            discard();
            throw e;
        }
    }

    /** Deletes the temporary file, if any, and releases the lock; never throws; idempotent. */
    public void discard() {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            temp.toFile().deleteOnExit();
        }
        close();
    }

    /** Deletes the lock file and releases the lock (after a commit, or by {@link #discard()}). Never throws. */
    @Override
    public void close() {
        if (lockChannel != null) {
            try {
                Files.deleteIfExists(lockFile);
            } catch (IOException e) {
                lockFile.toFile().deleteOnExit();
            }
            closeQuietly(lockChannel);
            lockChannel = null;
            HeldLocks.remove(lockFile);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // Only releases a lock; nothing written through it.
            }
        }
    }
}
