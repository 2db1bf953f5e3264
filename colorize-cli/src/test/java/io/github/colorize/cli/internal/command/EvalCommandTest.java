package io.github.colorize.cli.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.Images;
import io.github.colorize.cli.testing.Photos;
import io.github.colorize.cli.testing.SepiaTestProvider;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

    @TempDir
    Path dir;

    private final CliHarness cli = new CliHarness();

    @Test
    void printsATablePerFolderAndWritesCsvJsonAndSheet() throws Exception {
        Photos.write(Photos.colorful(64, 48), dir.resolve("set/a/one.png"));
        Photos.write(Photos.colorful(48, 64), dir.resolve("set/a/two.png"));
        Photos.write(Photos.gray(40, 40, 1), dir.resolve("set/a/gray.png"));
        Photos.write(Photos.colorful(32, 32), dir.resolve("set/b/three.png"));
        Path csv = dir.resolve("r/eval.csv");
        Path json = dir.resolve("r/eval.json");
        Path sheet = dir.resolve("r/sheet.png");
        int code = cli.run(
                "eval",
                "-b",
                SepiaTestProvider.NAME,
                dir.resolve("set").toString(),
                "--csv",
                csv.toString(),
                "--json",
                json.toString(),
                "--sheet",
                sheet.toString());
        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains("a: 2 colour photo(s), 1 without colour (left out); CF: absolute variant")
                .contains("b: 1 colour photo(s); CF: absolute variant")
                .containsPattern("gray \\(L\\* only\\)\\s+\\d+\\.\\d\\d\\s+0\\.00\\s+\\d+\\.\\d\\d")
                .contains("sepia (L*, a*=6, b*=18)")
                .contains("ours (test-sepia sepia-tint)")
                .contains("ground truth");
        assertThat(Files.readAllLines(csv))
                .hasSize(1 + 2 * 4)
                .first()
                .isEqualTo("folder,method,photos,psnr_db,cf,delta_cf,cf_variant");
        assertThat(Files.readString(json)).contains("\"folder\":\"a\"").contains("\"file\":\"a/one.png\"");
        BufferedImage s = Images.read(sheet);
        assertThat(s.getWidth()).isEqualTo(12 + 3 * (256 + 12));
    }

    @Test
    void theSignedVariantOnRequestAndBadOptionsAreUsageErrors() {
        Photos.write(Photos.colorful(32, 32), dir.resolve("set/x.png"));
        assertThat(cli.run(
                        "eval",
                        "-b",
                        SepiaTestProvider.NAME,
                        "--cf",
                        "signed",
                        dir.resolve("set").toString()))
                .isZero();
        assertThat(cli.out()).contains(".: 1 colour photo(s); CF: signed variant");
        assertThat(cli.run("eval", "--cf", "odd", dir.resolve("set").toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("eval", dir.resolve("none").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("not a folder");
    }

    @Test
    void aSheetOverAnInputPhotoIsRefused() throws Exception {
        Path photo = Photos.write(Photos.colorful(32, 32), dir.resolve("set/a/one.png"));
        byte[] original = Files.readAllBytes(photo);
        int code = cli.run(
                "eval", "-b", SepiaTestProvider.NAME, dir.resolve("set").toString(), "--sheet", photo.toString());
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err())
                .hasLineCount(1)
                .startsWith("colorize: " + photo + ": is one of the input photos; writing there would overwrite it");
        assertThat(photo).hasBinaryContent(original);
    }
}
