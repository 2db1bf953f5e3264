package io.github.colorize.cli.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLockTest {

    @TempDir
    Path out;

    @Test
    void aSecondRunIsRefusedWhileTheFirstHoldsTheLock() throws Exception {
        try (OutputLock first = OutputLock.acquire(out)) {
            assertThat(Files.readString(out.resolve(OutputLock.FILE_NAME)))
                    .contains("pid=" + ProcessHandle.current().pid());
            assertThatThrownBy(() -> OutputLock.acquire(out))
                    .isInstanceOf(BatchUsageException.class)
                    .hasMessageContaining("another colorize run is writing here")
                    .hasMessageContaining("process " + ProcessHandle.current().pid());
        }
        try (OutputLock again = OutputLock.acquire(out)) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void testingOrRefusingALockThisProcessHoldsLeavesItHeldForOtherProcesses() throws Exception {
        try (OutputLock first = OutputLock.acquire(out)) {
            assertThatThrownBy(() -> OutputLock.acquire(out)).isInstanceOf(BatchUsageException.class);
            assertThat(OutputLock.heldByAnotherRun(out)).isTrue();
            // On Linux, closing any channel of the file would have dropped this process's lock.
            assertThat(probeFromAnotherProcess(out.resolve(OutputLock.FILE_NAME)))
                    .isEqualTo("held");
        }
        assertThat(OutputLock.heldByAnotherRun(out)).isFalse();
        assertThat(probeFromAnotherProcess(out.resolve(OutputLock.FILE_NAME))).isEqualTo("free");
    }

    @Test
    void aRunInAnEnclosingFolderIsFound() throws Exception {
        Path inner = Files.createDirectories(out.resolve("roll1/sub"));
        assertThat(OutputLock.enclosingRun(inner)).isEmpty();
        try (OutputLock outer = OutputLock.acquire(out)) {
            assertThat(OutputLock.enclosingRun(inner))
                    .contains(out.toAbsolutePath().normalize());
            assertThat(OutputLock.enclosingRun(out)).isEmpty();
        }
    }

    private static String probeFromAnotherProcess(Path lockFile) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        javaBin,
                        "-cp",
                        System.getProperty("java.class.path"),
                        LockProbe.class.getName(),
                        lockFile.toString())
                .redirectErrorStream(true)
                .start();
        String answer = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        p.waitFor();
        return answer;
    }

    /** Run in a child JVM: prints whether the file's lock is free. */
    public static final class LockProbe {
        public static void main(String[] args) throws Exception {
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(
                    Path.of(args[0]), java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
                System.out.println(ch.tryLock() == null ? "held" : "free");
            }
        }
    }

    @Test
    void aLockFileLeftByADeadProcessDoesNotBlock() throws Exception {
        // The OS lock died with its process; only the file with its pid remains.
        Files.writeString(out.resolve(OutputLock.FILE_NAME), "pid=999999999\nstarted=2020-01-01T00:00:00Z\n");
        try (OutputLock lock = OutputLock.acquire(out)) {
            assertThat(Files.readString(out.resolve(OutputLock.FILE_NAME)))
                    .contains("pid=" + ProcessHandle.current().pid());
        }
        assertThat(Files.readString(out.resolve(OutputLock.FILE_NAME))).isEmpty();
    }

    @Test
    void createsTheOutputFolder() throws Exception {
        Path nested = out.resolve("a/b");
        try (OutputLock lock = OutputLock.acquire(nested)) {
            assertThat(nested).isDirectory();
        }
    }
}
