package io.github.colorize.cli.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.ImageFormat;
import io.github.colorize.ImageWriteOptions;
import io.github.colorize.Images;
import io.github.colorize.cli.testing.Photos;
import io.github.colorize.cli.testing.SepiaTestProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    @TempDir
    Path dir;

    private final CliHarness cli = new CliHarness();
    private Path a;
    private Path b;

    @BeforeEach
    void outputs() {
        a = Photos.write(Photos.gray(40, 30, 1), dir.resolve("in/a.jpg"));
        b = Photos.write(Photos.gray(30, 40, 2), dir.resolve("in/sub/b.png"));
        assertThat(cli.run(
                        "-b",
                        SepiaTestProvider.NAME,
                        dir.resolve("in").toString(),
                        "-o",
                        dir.resolve("out").toString()))
                .isZero();
    }

    @Test
    void aFolderOfOutputsVerifies() {
        assertThat(cli.run("verify", dir.resolve("out").toString())).isZero();
        assertThat(cli.out().lines())
                .hasSize(2)
                .allSatisfy(l ->
                        assertThat(l).contains(": ok - colourised by colorize ").contains("backend test-sepia"));
        assertThat(cli.out()).contains(dir.resolve("out/sub/b.png") + ": ok").contains("from b.png (sha256 ");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void theRecordIsCheckedAgainstASourcePhoto() {
        assertThat(cli.run("verify", dir.resolve("out/a.png").toString(), "--source", a.toString()))
                .isZero();
        assertThat(cli.out()).contains("source matches " + a);
        assertThat(cli.run("verify", dir.resolve("out/a.png").toString(), "--source", b.toString()))
                .isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(cli.err()).hasLineCount(1).contains("the record names another source");
    }

    @Test
    void filesWithoutARecordOrUnreadableFilesFailWithOneLineEach() throws Exception {
        Path plain = dir.resolve("plain.png");
        Images.write(Photos.gray(10, 10, 3), plain, ImageWriteOptions.of(ImageFormat.PNG));
        Path junk = Files.writeString(dir.resolve("junk.png"), "not a png");
        int code = cli.run(
                "verify",
                plain.toString(),
                junk.toString(),
                dir.resolve("out/a.png").toString());
        assertThat(code).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(cli.err().lines()).hasSize(2);
        assertThat(cli.err())
                .contains("colorize: " + plain + ": no provenance record")
                .contains("colorize: " + junk + ": ");
        assertThat(cli.out()).contains(dir.resolve("out/a.png") + ": ok");
    }

    @Test
    void jsonGivesTheWholeRecord() {
        assertThat(cli.run("verify", "--json", dir.resolve("out/a.png").toString()))
                .isZero();
        assertThat(cli.out())
                .startsWith("{\"file\":")
                .contains("\"status\":\"ok\"")
                .contains("\"digitalSourceType\":\"http://cv.iptc.org/newscodes/digitalsourcetype/"
                        + "compositeWithTrainedAlgorithmicMedia\"")
                .contains("\"sourceName\":\"a.jpg\"");
    }

    @Test
    void sourceNeedsExactlyOneFile() {
        assertThat(cli.run("verify", dir.resolve("out").toString(), "--source", a.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--source needs exactly one FILE");
    }

    @Test
    void aFolderThatCannotBeReadIsAFailure() throws Exception {
        // Tests may run as root, which reads any folder whatever its permissions; a tree deeper than the
        // system's path limit (4096 bytes on Linux) cannot be walked by anyone. It is built by moving a
        // chain of folders into another, so that no path named while building or undoing it is too long.
        Path top = dir.resolve("deep");
        Path lower = dir.resolve("lower");
        String name = "d".repeat(200);
        Path bottom = top;
        Path lowerBottom = lower;
        for (int i = 0; i < 15; i++) {
            bottom = bottom.resolve(name);
            lowerBottom = lowerBottom.resolve(name);
        }
        Files.createDirectories(bottom);
        Files.createDirectories(lowerBottom);
        Files.copy(dir.resolve("out/a.png"), lowerBottom.resolve("a.png"));
        Path moved = bottom.resolve("lower");
        Files.move(lower, moved);
        try {
            assertThat(cli.run("verify", top.toString())).isEqualTo(ExitCodes.SOME_FAILED);
            assertThat(cli.err()).hasLineCount(1).startsWith("colorize: " + top + ": cannot read folder: ");
        } finally {
            Files.move(moved, lower); // back within the limit, so that the temporary folder can be deleted
        }
    }
}
