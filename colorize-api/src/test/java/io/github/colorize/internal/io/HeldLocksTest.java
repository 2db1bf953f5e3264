package io.github.colorize.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeldLocksTest {

    @TempDir
    Path dir;

    @Test
    void aLockFileIsKnownUnderEverySpellingOfItsFolderEvenBeforeItExists() throws Exception {
        Path real = Files.createDirectories(dir.resolve("out"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        Path lockFile = real.resolve(".x.lock");
        assertThat(HeldLocks.contains(lockFile)).isFalse();

        HeldLocks.add(link.resolve(".x.lock"));
        try {
            assertThat(HeldLocks.contains(lockFile)).isTrue();
            assertThat(HeldLocks.contains(dir.resolve("out/../out/.x.lock"))).isTrue();
            assertThat(HeldLocks.contains(real.resolve(".y.lock"))).isFalse();
        } finally {
            HeldLocks.remove(lockFile);
        }
        assertThat(HeldLocks.contains(link.resolve(".x.lock"))).isFalse();
    }
}
