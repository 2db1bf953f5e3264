package io.github.colorize.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {

    @TempDir
    Path dir;

    @Test
    void knownDigestOfAFileEqualsTheDigestOfItsBytes() throws Exception {
        Path abc = Files.writeString(dir.resolve("abc.txt"), "abc");
        assertThat(Sha256.ofFile(abc)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        byte[] bytes = new byte[3 * Sha256.CHECKPOINT_BYTES / 2];
        new Random(7).nextBytes(bytes);
        Path big = Files.write(dir.resolve("big.bin"), bytes);
        assertThat(Sha256.ofFile(big, () -> {})).isEqualTo(Sha256.of(bytes)).isEqualTo(Sha256.of(big));
    }

    @Test
    void checkpointsComeEveryEightMebibytesAndMayCancel() throws Exception {
        Path file = Files.write(dir.resolve("film.bin"), new byte[2 * Sha256.CHECKPOINT_BYTES + 5]);
        AtomicInteger calls = new AtomicInteger();
        Sha256.ofFile(file, calls::incrementAndGet);
        assertThat(calls).hasValue(2);
        assertThatThrownBy(() -> Sha256.ofFile(file, () -> {
                    throw new CancellationException("stop");
                }))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void aMissingFileIsNamedAsSuch() {
        assertThatThrownBy(() -> Sha256.ofFile(dir.resolve("gone.mp4"), () -> {}))
                .isInstanceOf(NoSuchFileException.class);
    }
}
