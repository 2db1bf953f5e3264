package io.github.colorize.video.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkFolderTest {

    @TempDir
    Path dir;

    @Test
    void theFolderIsHiddenBesideTheTargetAndHeldByOneJobAtATime() throws IOException {
        Path target = dir.resolve("film.mp4");
        WorkFolder first = WorkFolder.acquire(target);
        assertThat(first.dir())
                .isEqualTo(dir.resolve(".film.mp4" + WorkFolder.SUFFIX).toAbsolutePath());
        assertThat(WorkFolder.acquire(target))
                .as("a second job on the same target")
                .isNull();
        first.close();
        assertThat(first.dir()).as("nothing complete in it: removed").doesNotExist();
        WorkFolder again = WorkFolder.acquire(target);
        assertThat(again).isNotNull();
        again.delete();
        assertThat(again.dir()).doesNotExist();
    }

    @Test
    void anotherFingerprintEmptiesTheFolderAndTheSameKeepsIt() throws IOException {
        Path target = dir.resolve("film.mp4");
        WorkFolder w = WorkFolder.acquire(target);
        assertThat(w.adopt("film A, options 1")).isFalse();
        Files.writeString(w.dir().resolve("000000.seg"), "a segment of film A");
        w.storeProvenance(Map.of("colorize:model", "m"));
        w.close();
        assertThat(w.dir().resolve("000000.seg")).as("kept for a rerun").exists();

        WorkFolder same = WorkFolder.acquire(target);
        assertThat(same.adopt("film A, options 1")).isFalse();
        assertThat(same.dir().resolve("000000.seg")).exists();
        assertThat(same.provenance()).containsEntry("colorize:model", "m");
        same.close();

        WorkFolder other = WorkFolder.acquire(target);
        assertThat(other.adopt("film B, options 1"))
                .as("another job's work was found")
                .isTrue();
        assertThat(other.dir().resolve("000000.seg")).doesNotExist();
        assertThat(other.provenance()).isEmpty();
        other.close();
    }
}
