package io.github.colorize.cli.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartFilesTest {

    @TempDir
    Path out;

    @Test
    void deletesOnlyTemporaryOutputs() throws Exception {
        Files.createDirectories(out.resolve("sub"));
        Path part1 = Files.writeString(out.resolve(".a.png.123.part"), "x");
        Path part2 = Files.writeString(out.resolve("sub/.b.jpg.9.part"), "x");
        Path keep1 = Files.writeString(out.resolve("a.png"), "x");
        Path keep2 = Files.writeString(out.resolve("photo.part"), "x"); // not hidden: a user's file
        Path keep3 = Files.writeString(out.resolve(".colorize-manifest.jsonl"), "x");
        assertThat(PartFiles.sweep(out)).isEqualTo(2);
        assertThat(part1).doesNotExist();
        assertThat(part2).doesNotExist();
        assertThat(keep1).exists();
        assertThat(keep2).exists();
        assertThat(keep3).exists();
        assertThat(PartFiles.sweep(out.resolve("missing"))).isZero();
    }

    @Test
    void aSubfolderThatAnotherLiveRunWritesIntoIsLeftAlone() throws Exception {
        Path sub = Files.createDirectories(out.resolve("sub"));
        Path inFlight = Files.writeString(sub.resolve(".b.jpg.9.part"), "being written");
        Path leftover = Files.writeString(out.resolve(".a.png.1.part"), "x");
        try (OutputLock other = OutputLock.acquire(sub)) {
            assertThat(PartFiles.sweep(out)).isEqualTo(1);
            assertThat(inFlight).exists();
            assertThat(leftover).doesNotExist();
        }
        assertThat(PartFiles.sweep(out)).isEqualTo(1);
        assertThat(inFlight).doesNotExist();
    }

    @Test
    void recognisesTheWritersTemporaryNames() {
        assertThat(PartFiles.isPartFile(".x.png.1234567.part")).isTrue();
        assertThat(PartFiles.isPartFile(".part")).isFalse();
        assertThat(PartFiles.isPartFile("x.part")).isFalse();
    }
}
