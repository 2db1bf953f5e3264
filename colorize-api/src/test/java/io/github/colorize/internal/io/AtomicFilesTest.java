package io.github.colorize.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void partFilesAreNewHiddenAndEmptyBesideTheTargetInAFolderMadeForThem() throws Exception {
        Path target = dir.resolve("new/sub/photo.png");
        Set<Path> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Path part = AtomicFiles.newPartFile(target);
            assertThat(part.getParent()).isEqualTo(target.toAbsolutePath().getParent());
            assertThat(part.getFileName().toString()).matches("\\.photo\\.png\\.[0-9a-f]+\\.part");
            assertThat(part).isEmptyFile();
            assertThat(seen.add(part)).isTrue();
        }
        assertThat(target).doesNotExist();
    }

    @Test
    void partFilesGetTheFolderDefaultPermissionsNotOwnerOnly() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain"));
        Path part = AtomicFiles.newPartFile(dir.resolve("report.json"));
        assertThat(Files.getPosixFilePermissions(part)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void moveIntoPlaceReplacesTheTargetAndLeavesNoPartBehind() throws Exception {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "old");
        Path part = AtomicFiles.newPartFile(target);
        Files.writeString(part, "new");
        AtomicFiles.moveIntoPlace(part, target);
        assertThat(target).hasContent("new");
        assertThat(part).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
