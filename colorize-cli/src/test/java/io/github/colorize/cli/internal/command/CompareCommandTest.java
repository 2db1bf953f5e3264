package io.github.colorize.cli.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.Images;
import io.github.colorize.ProvenanceCheck;
import io.github.colorize.cli.testing.Photos;
import io.github.colorize.cli.testing.SepiaTestProvider;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    @TempDir
    Path dir;

    private final CliHarness cli = new CliHarness();

    @Test
    void makesALabelledBeforeAfterSheetThatCarriesTheRecord() {
        Path photo = Photos.write(Photos.gray(80, 60, 1), dir.resolve("p.jpg"));
        int code = cli.run(
                "compare",
                "-b",
                SepiaTestProvider.NAME,
                photo.toString(),
                "-o",
                dir.resolve("cmp").toString());
        assertThat(code).as(cli.err()).isZero();
        Path sheet = dir.resolve("cmp/p-compare.png");
        BufferedImage img = Images.read(sheet);
        assertThat(img.getWidth()).isEqualTo(12 + 2 * (640 + 12));
        assertThat(ProvenanceCheck.verify(sheet, photo).passed()).isTrue();
        assertThat(cli.out()).isEqualTo("colorize: " + photo + " -> " + sheet + "\n");
    }

    @Test
    void photosOfOneNameNeverShareASheet() {
        Path jpg = Photos.write(Photos.gray(80, 60, 1), dir.resolve("a/x.jpg"));
        Path png = Photos.write(Photos.gray(80, 60, 2), dir.resolve("a/x.png"));
        Path again = Photos.write(Photos.gray(80, 60, 3), dir.resolve("b/x.png"));
        Path cmp = dir.resolve("cmp");
        int code = cli.run(
                "compare",
                "-b",
                SepiaTestProvider.NAME,
                jpg.toString(),
                png.toString(),
                again.toString(),
                "-o",
                cmp.toString());
        assertThat(code).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(ProvenanceCheck.verify(cmp.resolve("x-compare.png"), jpg).passed())
                .isTrue();
        assertThat(ProvenanceCheck.verify(cmp.resolve("x.png-compare.png"), png).passed())
                .isTrue();
        assertThat(cli.err()).contains(again + ": another photo of this run already has the sheet");
    }

    @Test
    void comparesWithAnExistingResult() {
        Path photo = Photos.write(Photos.gray(80, 60, 1), dir.resolve("p.jpg"));
        Path result = Photos.write(Photos.colorful(80, 60), dir.resolve("r.png"));
        assertThat(cli.run("compare", photo.toString(), "--with", result.toString(), "-o", dir.toString()))
                .isZero();
        assertThat(dir.resolve("p-compare.png")).isRegularFile();
    }

    @Test
    void aMissingPhotoFailsWithOneLineAndTheOthersGoOn() {
        Path photo = Photos.write(Photos.gray(80, 60, 1), dir.resolve("p.jpg"));
        Path missing = dir.resolve("missing.jpg");
        int code = cli.run(
                "compare",
                "-b",
                SepiaTestProvider.NAME,
                missing.toString(),
                photo.toString(),
                "-o",
                dir.resolve("c").toString());
        assertThat(code).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(cli.err()).isEqualTo("colorize: " + missing + ": cannot decode: no such file\n");
        assertThat(dir.resolve("c/p-compare.png")).isRegularFile();
    }
}
