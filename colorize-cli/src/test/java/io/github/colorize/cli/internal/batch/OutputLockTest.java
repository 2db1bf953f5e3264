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
