package io.github.colorize.cli.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Folders that fail writes for real: read-only, or on a tiny full file system. Permission bits stop
 * ordinary users but not root (tests run as root in some containers), so root gets a read-only or tiny
 * {@code tmpfs} mounted over the folder instead; where neither works the calling test is skipped
 * (aborted), never passed. Close to undo (unmount, restore permissions). Not thread-safe; one test owns
 * an instance.
 */
public final class TestFolders implements AutoCloseable {

    private final Path dir;
    private final boolean mounted;

    private TestFolders(Path dir, boolean mounted) {
        this.dir = dir;
        this.mounted = mounted;
    }

    /**
     * Makes an existing folder refuse new files: {@code chmod 555}, or where that does not stop this
     * user (root), a read-only {@code tmpfs} mounted over it (its old contents are hidden meanwhile).
     *
     * @param dir an existing folder
     * @return the undo handle
     * @throws IOException if permissions cannot be changed
     */
    public static TestFolders readOnly(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!canCreateFileIn(dir)) {
            return new TestFolders(dir, false);
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Assumptions.assumeTrue(
                mount(dir, "ro,size=64k"), "cannot make a folder read-only here (root, and no mount permission)");
        return new TestFolders(dir, true);
    }

    /**
     * Mounts a tmpfs of the given size over an existing, empty folder, so that writes there run out of
     * space for real ({@code No space left on device}).
     *
     * @param dir an existing folder
     * @param kib its size in KiB
     * @return the undo handle
     */
    public static TestFolders tiny(Path dir, int kib) {
        Assumptions.assumeTrue(mount(dir, "size=" + kib + "k"), "cannot mount a tmpfs here (needs root)");
        return new TestFolders(dir, true);
    }

    private static boolean canCreateFileIn(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean mount(Path dir, String options) {
        return exec("mount", "-t", "tmpfs", "-o", options, "colorize-test", dir.toString());
    }

    private static boolean exec(String... cmd) {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return false;
        }
        List<String> command = new ArrayList<>(List.of(cmd));
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Unmounts, or restores the permissions, so that the temporary folder can be deleted. */
    @Override
    public void close() throws IOException {
        if (mounted) {
            if (!exec("umount", dir.toString()) && !exec("umount", "-l", dir.toString())) {
                throw new IOException("cannot unmount the test tmpfs at " + dir);
            }
        } else {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
