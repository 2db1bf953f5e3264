package io.github.colorize.internal.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock files whose operating-system lock this JVM holds (the CLI's output-folder lock, a video
 * job's temporary-file lock). On Linux, closing any channel of a file drops every lock the process
 * holds on it, so code that tests whether a lock file is in use must ask here first and never open a
 * file this JVM holds. Files are keyed by their folder's real path, so that two spellings of one folder
 * (a symbolic link, a bind mount) match, even before the file exists. Thread-safe.
 */
public final class HeldLocks {

    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private HeldLocks() {}

    /**
     * Records that this JVM holds, or is about to create and hold, a lock file. Call before the file
     * exists where it is new, so that no probe in this JVM can open it in between.
     *
     * @param lockFile the lock file
     */
    public static void add(Path lockFile) {
        HELD.add(key(lockFile));
    }

    /**
     * Records that this JVM no longer holds a lock file.
     *
     * @param lockFile the lock file
     */
    public static void remove(Path lockFile) {
        HELD.remove(key(lockFile));
    }

    /**
     * Whether this JVM holds a lock file.
     *
     * @param lockFile the lock file
     * @return true if it is recorded here
     */
    public static boolean contains(Path lockFile) {
        return HELD.contains(key(lockFile));
    }

    private static Path key(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (dir == null) {
            return abs;
        }
        try {
            return dir.toRealPath().resolve(abs.getFileName());
        } catch (IOException e) {
            return abs; // a folder that does not exist holds no lock file
        }
    }
}
