package io.github.colorize.cli.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceScannerTest {

    @TempDir
    Path dir;

    private Path touch(String rel) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[] {1});
        return p;
    }

    @Test
    void walksFoldersRecursivelyByExtensionSkippingHiddenAndSorting() throws Exception {
        touch("in/b.JPG");
        touch("in/a/deep/c.tiff");
        touch("in/a/x.png");
        touch("in/notes.txt");
        touch("in/.hidden.jpg");
        touch("in/.cache/d.jpg");
        touch("in/noext");
        SourceScanner.Result r = SourceScanner.scan(List.of(dir.resolve("in")), dir.resolve("out"));
        assertThat(r.sources()).extracting(SourceFile::relative).containsExactly("a/deep/c.tiff", "a/x.png", "b.JPG");
        assertThat(r.problems()).isEmpty();
        assertThat(r.ignored()).isEmpty();
    }

    @Test
    void namedFilesKeepTheirNameAndNonPhotosAreIgnored() throws Exception {
        Path photo = touch("x/p.webp");
        Path text = touch("x/readme.md");
        SourceScanner.Result r = SourceScanner.scan(List.of(photo, text), dir.resolve("out"));
        assertThat(r.sources()).extracting(SourceFile::relative).containsExactly("p.webp");
        assertThat(r.ignored()).containsExactly(text);
    }

    @Test
    void missingInputsAreProblemsNotFatal() throws Exception {
        touch("in/a.jpg");
        SourceScanner.Result r =
                SourceScanner.scan(List.of(dir.resolve("missing.jpg"), dir.resolve("in")), dir.resolve("out"));
        assertThat(r.sources()).hasSize(1);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(dir.resolve("missing.jpg"));
            assertThat(p.reason()).isEqualTo("no such file or folder");
        });
    }

    @Test
    void anOutputFolderInsideTheInputIsLeftOutOfTheScan() throws Exception {
        touch("in/a.jpg");
        touch("in/colour/a.png");
        SourceScanner.Result r = SourceScanner.scan(List.of(dir.resolve("in")), dir.resolve("in/colour"));
        assertThat(r.sources()).extracting(SourceFile::relative).containsExactly("a.jpg");
    }

    @Test
    void symbolicLinksIntoTheOutputFolderDoNotTurnOutputsIntoInputs() throws Exception {
        touch("in/a.jpg");
        touch("out/1920s/earlier.png");
        Files.createSymbolicLink(dir.resolve("in/link-to-outputs"), dir.resolve("out/1920s"));
        Files.createSymbolicLink(dir.resolve("in/one-output.png"), dir.resolve("out/1920s/earlier.png"));
        SourceScanner.Result r = SourceScanner.scan(List.of(dir.resolve("in")), dir.resolve("out"));
        assertThat(r.sources()).extracting(SourceFile::relative).containsExactly("a.jpg");
    }

    @Test
    void theOutputFolderMayNotBeAnInputOrContainOne() throws Exception {
        touch("in/a.jpg");
        assertThatThrownBy(() -> SourceScanner.scan(List.of(dir.resolve("in")), dir.resolve("in/../in")))
                .isInstanceOf(BatchUsageException.class)
                .hasMessageContaining("must not be an input folder");
        assertThatThrownBy(() -> SourceScanner.scan(List.of(dir.resolve("in/a.jpg")), dir.resolve("in")))
                .isInstanceOf(BatchUsageException.class)
                .hasMessageContaining("inside the output folder");
    }

    @Test
    void symbolicLinkLoopsAreReportedAndNotFollowedForever() throws Exception {
        touch("in/sub/a.jpg");
        Files.createSymbolicLink(dir.resolve("in/sub/loop"), dir.resolve("in"));
        SourceScanner.Result r = SourceScanner.scan(List.of(dir.resolve("in")), dir.resolve("out"));
        assertThat(r.sources()).extracting(SourceFile::relative).containsExactly("sub/a.jpg");
        assertThat(r.warnings()).singleElement().asString().contains("loop");
    }

    @Test
    void linkedFoldersAreFollowed() throws Exception {
        touch("elsewhere/b.png");
        Files.createDirectories(dir.resolve("in"));
        Files.createSymbolicLink(dir.resolve("in/more"), dir.resolve("elsewhere"));
        SourceScanner.Result r = SourceScanner.scan(List.of(dir.resolve("in")), dir.resolve("out"));
        assertThat(r.sources()).extracting(SourceFile::relative).containsExactly("more/b.png");
    }

    @Test
    void recognisesPhotoExtensionsInAnyCase() {
        assertThat(SourceScanner.hasPhotoExtension("a.JpEg")).isTrue();
        assertThat(SourceScanner.hasPhotoExtension("a.gif")).isTrue();
        assertThat(SourceScanner.hasPhotoExtension(".jpg")).isFalse();
        assertThat(SourceScanner.hasPhotoExtension("a.jpg.txt")).isFalse();
        assertThat(SourceScanner.hasPhotoExtension("jpg")).isFalse();
    }

    @Test
    void aFolderReachedAgainThroughASymbolicLinkIsTakenOnceWithOneWarningNamingTheLink() throws Exception {
        touch("in/a/x.jpg");
        touch("in/a/deep/y.png");
        // "b" sorts and may be listed either side of "a": the real path must win either way.
        Files.createSymbolicLink(dir.resolve("in/b"), dir.resolve("in/a"));
        Files.createSymbolicLink(dir.resolve("in/0-first"), Path.of("a"));
        SourceScanner.Result r = SourceScanner.scan(List.of(dir.resolve("in")), dir.resolve("out"));
        assertThat(r.sources()).extracting(SourceFile::relative).containsExactly("a/deep/y.png", "a/x.jpg");
        assertThat(r.warnings())
                .containsExactlyInAnyOrder(
                        dir.resolve("in/b") + ": symbolic link to " + dir.resolve("in/a")
                                + ", whose photos this batch has already found by another path; each is colourised once",
                        dir.resolve("in/0-first") + ": symbolic link to a, whose photos this batch has already found"
                                + " by another path; each is colourised once");
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void oneFolderNamedTwiceByDifferentPathsIsTakenOnce() throws Exception {
        touch("in/a.jpg");
        Files.createSymbolicLink(dir.resolve("alias"), dir.resolve("in"));
        SourceScanner.Result r = SourceScanner.scan(
                List.of(dir.resolve("in"), dir.resolve("in/../in"), dir.resolve("alias")), dir.resolve("out"));
        assertThat(r.sources())
                .singleElement()
                .satisfies(s -> assertThat(s.path()).isEqualTo(dir.resolve("in/a.jpg")));
        assertThat(r.warnings())
                .containsExactly(
                        dir.resolve("in/../in") + ": names photos this batch has already found by another path (the"
                                + " same folder or file named twice); each is colourised once",
                        dir.resolve("alias") + ": names photos this batch has already found by another path (the"
                                + " same folder or file named twice); each is colourised once");
    }

    @Test
    void aBrokenPhotoLinkIsAProblemNamingItsTargetAndOtherBrokenLinksAWarning() throws Exception {
        touch("in/a.jpg");
        Files.createSymbolicLink(dir.resolve("in/gone.jpg"), dir.resolve("unmounted/gone.jpg"));
        Files.createSymbolicLink(dir.resolve("in/old-scans"), dir.resolve("unmounted/scans"));
        Files.createSymbolicLink(dir.resolve("named.png"), Path.of("nowhere.png"));
        SourceScanner.Result r =
                SourceScanner.scan(List.of(dir.resolve("in"), dir.resolve("named.png")), dir.resolve("out"));
        assertThat(r.sources()).extracting(SourceFile::relative).containsExactly("a.jpg");
        assertThat(r.problems())
                .extracting(SourceScanner.Problem::path, SourceScanner.Problem::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                dir.resolve("in/gone.jpg"),
                                "broken symbolic link to " + dir.resolve("unmounted/gone.jpg") + " (no such file)"),
                        org.assertj.core.groups.Tuple.tuple(
                                dir.resolve("named.png"), "broken symbolic link to nowhere.png (no such file)"));
        assertThat(r.warnings())
                .containsExactly(dir.resolve("in/old-scans") + ": broken symbolic link to "
                        + dir.resolve("unmounted/scans") + " (no such file); ignored");
    }
}
