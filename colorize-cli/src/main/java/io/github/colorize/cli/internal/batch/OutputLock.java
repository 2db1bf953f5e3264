package io.github.colorize.cli.internal.batch;

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

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
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
                return new OutputLock(ch, null);
            }
            if (lock == null) {
                throw locked(outDir, holder(ch));
            }
            writeHolder(ch);
            return new OutputLock(ch, lock);
        } catch (BatchUsageException | IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
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
                channel.close();
            }
        }
    }
}
