package io.github.colorize.cli.internal.batch;

import io.github.colorize.internal.io.HeldLocks;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Keeps two runs from writing into one output folder at once: {@value #FILE_NAME} holds an operating
 * system lock for as long as a run lives, plus the run's process id for the message a second run
 * prints.
 *
 * <p>The OS lock disappears with its process, even after {@code kill -9}, so a stale lock never
 * blocks. Where the file system cannot lock (some network shares), the process id decides: a lock
 * whose process is gone is stale and taken over. The file is left in place on release (emptied):
 * deleting it would let a waiting run lock a file that no longer has a name.
 *
 * <p>Not thread-safe; one owner. Close to release.
 */
public final class OutputLock implements Closeable {

    /** The lock's file name inside the output folder. */
    public static final String FILE_NAME = ".colorize.lock";

    private final FileChannel channel;
    private final FileLock lock;
    private final Path file;

    private OutputLock(FileChannel channel, FileLock lock, Path file) {
        this.channel = channel;
        this.lock = lock;
        this.file = file;
    }

    /**
     * Whether another live run, in this process or another, holds the lock of a folder. Never disturbs a
     * lock this process holds.
     *
     * @param dir a folder
     * @return true if a run is writing there now
     */
    public static boolean heldByAnotherRun(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        if (HeldLocks.contains(file)) {
            return true; // never opened here: closing that channel would drop this JVM's lock
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe;
            try {
                probe = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                return true;
            } catch (IOException e) {
                OptionalLong pid = holder(ch);
                return pid.isPresent()
                        && pid.getAsLong() != ProcessHandle.current().pid()
                        && isAlive(pid.getAsLong());
            }
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (IOException e) {
            return false; // unreadable: no run of ours could be using it either
        }
    }

    /**
     * The nearest folder above {@code outDir} whose lock another live run holds: that run mirrors its
     * inputs into subfolders and may be writing into {@code outDir} now.
     *
     * @param outDir an output folder
     * @return the enclosing run's output folder, if any
     */
    public static Optional<Path> enclosingRun(Path outDir) {
        for (Path dir = outDir.toAbsolutePath().normalize().getParent(); dir != null; dir = dir.getParent()) {
            if (heldByAnotherRun(dir)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /**
     * Takes the lock of an output folder.
     *
     * @param outDir the output folder; created if missing
     * @return the held lock
     * @throws BatchUsageException if another live run holds it
     * @throws IOException if the lock file cannot be opened
     */
    public static OutputLock acquire(Path outDir) throws BatchUsageException, IOException {
        Files.createDirectories(outDir);
        Path file = outDir.resolve(FILE_NAME);
        if (HeldLocks.contains(file)) {
            throw locked(outDir, OptionalLong.of(ProcessHandle.current().pid()));
        }
        FileChannel ch =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = null;
        try {
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very process (another run in the same JVM)
            } catch (IOException e) {
                // No OS locks here: fall back to the process id written by the holder.
                OptionalLong pid = holder(ch);
                if (pid.isPresent() && isAlive(pid.getAsLong())) {
                    throw locked(outDir, pid);
                }
                writeHolder(ch);
                return held(ch, null, file);
            }
            if (lock == null) {
                throw locked(outDir, holder(ch));
            }
            writeHolder(ch);
            return held(ch, lock, file);
        } catch (BatchUsageException | IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static OutputLock held(FileChannel ch, FileLock lock, Path file) {
        HeldLocks.add(file);
        return new OutputLock(ch, lock, file);
    }

    private static BatchUsageException locked(Path outDir, OptionalLong pid) {
        return new BatchUsageException(outDir + ": another colorize run is writing here"
                + (pid.isPresent() ? " (process " + pid.getAsLong() + ")" : "")
                + "; wait for it to finish or choose another --out");
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static OptionalLong holder(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(256);
        ch.read(buf, 0);
        String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (line.startsWith("pid=")) {
                try {
                    return OptionalLong.of(Long.parseLong(line.substring(4).trim()));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    private static void writeHolder(FileChannel ch) throws IOException {
        String text = "pid=" + ProcessHandle.current().pid() + "\nstarted=" + Instant.now() + "\n";
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        ch.force(false);
    }

    /** Empties the file and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
        } finally {
            try {
                if (lock != null) {
                    lock.release();
                }
            } finally {
                HeldLocks.remove(file);
                channel.close();
            }
        }
    }
}
