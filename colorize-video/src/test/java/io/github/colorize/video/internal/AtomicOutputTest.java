package io.github.colorize.video.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {

    @TempDir
    Path dir;

    @Test
    void theTemporaryFileIsHiddenBesideTheTargetAndALeftoverIsRemoved() throws IOException {
        Path target = dir.resolve("film.mp4");
        Path leftover = dir.resolve(".film.mp4" + AtomicOutput.SUFFIX);
        Files.writeString(leftover, "half a film from a killed run");
        AtomicOutput o = AtomicOutput.prepare(target);
        assertThat(o.temp()).isEqualTo(leftover.toAbsolutePath());
        assertThat(leftover).doesNotExist();
        Files.writeString(o.temp(), "complete");
        Files.writeString(target, "old");
        o.commit();
        assertThat(Files.readString(target)).isEqualTo("complete");
        assertThat(o.temp()).doesNotExist();
    }

    @Test
    void discardRemovesThePartialFileAndKeepsTheTarget() throws IOException {
        Path target = dir.resolve("film.mkv");
        Files.writeString(target, "old");
        AtomicOutput o = AtomicOutput.prepare(target);
        Files.writeString(o.temp(), "partial");
        o.discard();
        o.discard();
        assertThat(o.temp()).doesNotExist();
        assertThat(Files.readString(target)).isEqualTo("old");
    }

    @Test
    void refusesAMissingFolderAndAFolderTarget() {
        assertThatThrownBy(() -> AtomicOutput.prepare(dir.resolve("missing/film.mp4")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("output folder");
        assertThatThrownBy(() -> AtomicOutput.prepare(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("folder");
    }
}
