package io.github.colorize.cli.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.Images;
import io.github.colorize.cli.testing.Photos;
import io.github.colorize.cli.testing.SepiaTestProvider;
import io.github.colorize.cli.testing.TestFolders;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path dir;

    private final CliHarness cli = new CliHarness();

    @Test
    void helpDocumentsUsageOptionsAndEveryExitCode() {
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.out())
                .contains("Usage: colorize")
                .contains("--out", "--backend", "--model", "--render-factor", "--strength", "--device", "--jobs")
                .contains("--no-watermark", "--format", "--force", "--overwrite", "--sweep", "backends")
                .contains("Exit codes:")
                .containsPattern("(?m)^\\s+0\\s+every photo")
                .containsPattern("(?m)^\\s+1\\s+some photos failed")
                .containsPattern("(?m)^\\s+2\\s+usage error")
                .containsPattern("(?m)^\\s+3\\s+no backend")
                .containsPattern("(?m)^\\s+4\\s+interrupted")
                .containsPattern("(?m)^\\s+5\\s+.*quota")
                .containsPattern("(?m)^\\s+6\\s+.*disk .* is full");
    }

    @Test
    void usageErrorsAreOneLineWithExitCode2() {
        assertThat(cli.run("--jobs", "many", "x.jpg", "--out", "o")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).startsWith("colorize: ").hasLineCount(1).contains("--jobs");
        assertThat(cli.run(dir.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).isEqualTo("colorize: --out DIR is required (see 'colorize --help')\n");
        assertThat(cli.run("--out", "o")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("-s", "3", "x.jpg", "--out", "o")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).hasLineCount(1).contains("chroma strength must be in [0, 2]");
        assertThat(cli.run("-r", "99", "x.jpg", "--out", "o")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).hasLineCount(1).contains("render factor must be between 7 and 45");
        assertThat(cli.run("--format", "gif", "x.jpg", "--out", "o")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("--sweep", "40:10", "x.jpg", "--out", "o")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).hasLineCount(1).contains("FROM <= TO");
    }

    @Test
    void anUnknownBackendIsExitCode3WithOneLine() {
        Photos.write(Photos.gray(20, 20, 1), dir.resolve("in/a.png"));
        int code = cli.run(
                "--backend",
                "nope",
                dir.resolve("in").toString(),
                "--out",
                dir.resolve("out").toString());
        assertThat(code).isEqualTo(ExitCodes.NO_BACKEND);
        assertThat(cli.err()).startsWith("colorize: no backend named 'nope'").hasLineCount(1);
    }

    @Test
    void colorisesAFolderAndReportsEachFileAndASummary() throws Exception {
        Photos.write(Photos.gray(24, 20, 1), dir.resolve("in/a.png"));
        Photos.write(Photos.gray(24, 20, 2), dir.resolve("in/x/b.jpg"));
        Files.writeString(dir.resolve("in/x/bad.jpg"), "garbage");
        Path out = dir.resolve("out");
        int code = cli.run(
                "-b",
                SepiaTestProvider.NAME,
                "--no-watermark",
                dir.resolve("in").toString(),
                "-o",
                out.toString());
        assertThat(code).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(cli.err())
                .hasLineCount(1)
                .startsWith("colorize: " + dir.resolve("in/x/bad.jpg") + ": cannot decode");
        assertThat(cli.out())
                .contains("done     " + dir.resolve("in/a.png") + " -> a.png")
                .contains("done     " + dir.resolve("in/x/b.jpg") + " -> x/b.png")
                .contains("colorize: 2 done, 0 skipped, 1 failed in")
                .contains("details in " + out.resolve(".colorize-runs"));
        BufferedImage a = Images.read(out.resolve("a.png"));
        assertThat(a.getWidth()).isEqualTo(24);

        Files.delete(dir.resolve("in/x/bad.jpg"));
        assertThat(cli.run(
                        "-b",
                        SepiaTestProvider.NAME,
                        "--no-watermark",
                        dir.resolve("in").toString(),
                        "-o",
                        out.toString()))
                .isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).contains("colorize: 0 done, 2 skipped, 0 failed");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void fileNamesWithTerminalCodesOrLineBreaksArePrintedEscapedOneLinePerPhoto() throws Exception {
        Photos.write(Photos.gray(24, 20, 1), dir.resolve("in/red\u001B[31m\u001B]0;owned\u0007.png"));
        Photos.write(Photos.gray(24, 20, 2), dir.resolve("in/two\ndone     forged.png"));
        Photos.write(Photos.gray(24, 20, 3), dir.resolve("in/Großmutter 1908.png"));
        Photos.write(Photos.gray(24, 20, 4), dir.resolve("in/rtl\u202Egnp.exe.png"));
        Files.writeString(dir.resolve("in/bad\r\u009B2J.jpg"), "garbage");
        Path out = dir.resolve("out");
        int code = cli.run(
                "-b",
                SepiaTestProvider.NAME,
                "--no-watermark",
                "--progress",
                "lines",
                dir.resolve("in").toString(),
                "-o",
                out.toString());
        assertThat(code).isEqualTo(ExitCodes.SOME_FAILED);
        String in = dir.resolve("in").toString();
        assertThat(cli.out())
                .contains(
                        "done     " + in + "/red\\x1B[31m\\x1B]0;owned\\x07.png -> red\\x1B[31m\\x1B]0;owned\\x07.png")
                .contains("done     " + in + "/two\\ndone     forged.png -> two\\ndone     forged.png")
                .contains("done     " + in + "/Großmutter 1908.png -> Großmutter 1908.png")
                .contains("done     " + in + "/rtl\\u202Egnp.exe.png -> ")
                .doesNotContain("\u001B", "\u0007", "\r", "\u009B", "\u202E");
        // One line per photo: four done, plus the start line and the summary lines.
        assertThat(cli.out().lines().filter(l -> l.startsWith("done "))).hasSize(4);
        assertThat(cli.err())
                .hasLineCount(1)
                .startsWith("colorize: " + in + "/bad\\r\\x9B2J.jpg: ")
                .doesNotContain("\u001B", "\r", "\u009B");
        // The outputs keep their real names: only what is printed is escaped.
        assertThat(out.resolve("two\ndone     forged.png")).isRegularFile();
    }

    @Test
    void everyCommandPrintsOutsideNamesEscaped() throws Exception {
        // verify reads names from the folder and problems from the files; compare and --sweep print the
        // photo and its sheet: none may let a name act on the terminal or forge a line.
        Photos.write(Photos.gray(24, 20, 1), dir.resolve("v/red\u001B[31m\nforged: ok.png"));
        cli.run("verify", dir.resolve("v").toString());
        String verified = cli.out() + cli.err();
        assertThat(verified).contains("red\\x1B[31m\\nforged: ok.png").doesNotContain("\u001B");
        assertThat(verified.lines().filter(l -> l.contains("forged"))).hasSize(1);
        Photos.write(Photos.gray(24, 20, 2), dir.resolve("c/two\u001B]0;t\u0007.png"));
        int code = cli.run(
                "compare",
                "-b",
                SepiaTestProvider.NAME,
                dir.resolve("c/two\u001B]0;t\u0007.png").toString(),
                "-o",
                dir.resolve("sheets").toString());
        assertThat(code).isZero();
        assertThat(cli.out()).contains("two\\x1B]0;t\\x07").doesNotContain("\u001B", "\u0007");
    }

    @Test
    void jpegOutputsOnRequest() throws Exception {
        Photos.write(Photos.gray(24, 20, 1), dir.resolve("in/a.png"));
        assertThat(cli.run(
                        "-b",
                        SepiaTestProvider.NAME,
                        "-f",
                        "jpg",
                        dir.resolve("in/a.png").toString(),
                        "-o",
                        dir.resolve("out").toString()))
                .isZero();
        assertThat(dir.resolve("out/a.jpg")).isRegularFile();
        assertThat(Images.read(dir.resolve("out/a.jpg")).getHeight()).isEqualTo(20);
    }

    @Test
    void aSweepMakesOneLabelledSheet() throws Exception {
        Path photo = Photos.write(Photos.gray(64, 48, 5), dir.resolve("p.jpg"));
        int code = cli.run(
                "-b",
                SepiaTestProvider.NAME,
                "--sweep",
                "10:20:5",
                photo.toString(),
                "--out",
                dir.resolve("sheet").toString());
        assertThat(code).isZero();
        Path sheet = dir.resolve("sheet/p-sweep-10-20-5.png");
        assertThat(sheet).isRegularFile();
        assertThat(cli.out()).contains("colorize: sweep 10:20:5 of " + photo + " -> " + sheet + " (3 factors)");
        // original + 3 factors in a 2 x 2 grid of 480-px tiles
        BufferedImage img = Images.read(sheet);
        assertThat(img.getWidth()).isEqualTo(12 + 2 * (480 + 12));
    }

    @Test
    void aSweepNeedsExactlyOnePhoto() {
        assertThat(cli.run("--sweep", "10:20:5", "a.jpg", "b.jpg", "--out", "o"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("exactly one photo");
    }

    @Test
    void backendsListsWhatDiscoveryFound() {
        int code = cli.run("backends");
        assertThat(cli.out())
                .contains("test-sepia (priority -1000, only when named): available - sepia tint for tests");
        assertThat(code).isIn(ExitCodes.OK, ExitCodes.NO_BACKEND);
    }

    @Test
    void backendOptionsBecomeTheBackendConfig() {
        BackendOptions o = new BackendOptions();
        o.backend = "onnx";
        o.model = "eccv16";
        o.device = "cpu";
        o.backendOptions.put("fidelity", "reference");
        assertThat(o.config().values())
                .containsEntry("model", "eccv16")
                .containsEntry("device", "cpu")
                .containsEntry("fidelity", "reference");
        String eccv16 = "eccv16"
                + io.github.colorize.ModelCards.find("eccv16")
                        .orElseThrow()
                        .expectedSha256()
                        .map(sha -> "@" + sha.substring(0, 16))
                        .orElse("");
        assertThat(o.fingerprint()).isEqualTo("backend=onnx;model=" + eccv16 + ";options={fidelity=reference}");
    }

    @Test
    void theFingerprintNamesTheModelsWeightsSoAnUpgradedModelRedoesTheBatch() throws Exception {
        BackendOptions o = new BackendOptions();
        io.github.colorize.ModelCard bundled = io.github.colorize.ModelCards.find(
                        io.github.colorize.ModelCards.bundledName())
                .orElseThrow();
        assertThat(o.fingerprint())
                .startsWith("backend=auto;model=default(" + bundled.name()
                        + bundled.expectedSha256()
                                .map(sha -> "@" + sha.substring(0, 16))
                                .orElse("")
                        + ");");
        o.backend = SepiaTestProvider.NAME;
        assertThat(o.fingerprint()).as("a named non-local backend's own model").contains(";model=default;");

        java.nio.file.Path file = java.nio.file.Files.write(dir.resolve("m.onnx"), new byte[] {1, 2, 3});
        o.model = file.toString();
        String before = o.fingerprint();
        java.nio.file.Files.write(file, new byte[] {1, 2, 3, 4});
        assertThat(o.fingerprint()).as("a replaced model file").isNotEqualTo(before);
    }

    @Test
    void secretsAreRefusedOnTheCommandLine() {
        assertThat(cli.run("-b", SepiaTestProvider.NAME, "-B", "apiKey=sk-123", "x.jpg", "-o", dir.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err())
                .hasLineCount(1)
                .contains("secrets are not accepted")
                .doesNotContain("sk-123");
    }

    @Test
    void secretsByTheLibrarysRuleAreRefusedAndNeverReachTheFingerprint() {
        for (String option : new String[] {"apiToken=tok-123", "clientSecret=cs-456", "dbPassword=pw-789"}) {
            assertThat(cli.run("-b", SepiaTestProvider.NAME, "-B", option, "x.jpg", "-o", dir.toString()))
                    .as(option)
                    .isEqualTo(ExitCodes.USAGE);
            String value = option.substring(option.indexOf('=') + 1);
            assertThat(cli.err())
                    .hasLineCount(1)
                    .contains("secrets are not accepted")
                    .doesNotContain(value);
        }
        BackendOptions o = new BackendOptions();
        o.backendOptions.put("fidelity", "reference");
        o.backendOptions.put("apiToken", "tok-123");
        o.backendOptions.put("clientSecret", "cs-456");
        assertThat(o.fingerprint())
                .startsWith("backend=auto;model=default")
                .endsWith(";options={fidelity=reference}")
                .doesNotContain("tok-123")
                .doesNotContain("cs-456");
    }

    @Test
    void aPhotoThatRunsOutOfMemoryFailsWithExitCode1AndAClearLine() {
        Photos.write(Photos.gray(24, 20, 1), dir.resolve("in/huge.png"));
        cli.colorCheck = img -> {
            throw new OutOfMemoryError("Java heap space");
        };
        int code = cli.run(
                "-b",
                SepiaTestProvider.NAME,
                dir.resolve("in").toString(),
                "-o",
                dir.resolve("out").toString());
        assertThat(code).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(cli.err())
                .hasLineCount(1)
                .startsWith("colorize: " + dir.resolve("in/huge.png") + ": out of memory: the photo is too large for"
                        + " the Java heap")
                .contains("fewer --jobs", "-Xmx");
        assertThat(cli.out()).contains("colorize: 0 done, 0 skipped, 1 failed");
    }

    @Test
    void anotherBatchsOutputOfTheSameNameIsKeptUnlessOverwriteIsGiven() throws Exception {
        Photos.write(Photos.gray(24, 20, 1), dir.resolve("trip1/IMG_0001.jpg"));
        Photos.write(Photos.gray(32, 20, 2), dir.resolve("trip2/IMG_0001.jpg"));
        Path album = dir.resolve("album");
        String sepia = SepiaTestProvider.NAME;
        assertThat(cli.run("-b", sepia, dir.resolve("trip1").toString(), "-o", album.toString()))
                .isZero();
        byte[] trip1 = Files.readAllBytes(album.resolve("IMG_0001.png"));

        assertThat(cli.run("-b", sepia, dir.resolve("trip2").toString(), "-o", album.toString()))
                .isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(cli.err())
                .hasLineCount(1)
                .startsWith("colorize: " + dir.resolve("trip2/IMG_0001.jpg") + ": cannot write "
                        + album.resolve("IMG_0001.png") + ": it exists and was written by colorize from another photo")
                .contains("use --overwrite to replace it");
        assertThat(album.resolve("IMG_0001.png")).hasBinaryContent(trip1);

        assertThat(cli.run("-b", sepia, "--overwrite", dir.resolve("trip2").toString(), "-o", album.toString()))
                .isZero();
        assertThat(Images.read(album.resolve("IMG_0001.png")).getWidth()).isEqualTo(32);
    }

    @Test
    void anUnusableOutIsAUsageErrorNamingTheFolderAndTheCause() throws Exception {
        Photos.write(Photos.gray(24, 20, 1), dir.resolve("in/a.png"));
        Path file = Files.writeString(dir.resolve("notes.txt"), "keep me");
        assertThat(cli.run("-b", SepiaTestProvider.NAME, dir.resolve("in").toString(), "-o", file.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).isEqualTo("colorize: " + file + ": is a file, not a folder; choose another --out\n");
        Path below = file.resolve("colour");
        assertThat(cli.run("-b", SepiaTestProvider.NAME, dir.resolve("in").toString(), "-o", below.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err())
                .hasLineCount(1)
                .startsWith("colorize: " + below + ": cannot create the output folder: ")
                .doesNotContain("Exception");
        assertThat(file).hasContent("keep me");
    }

    @Test
    void aReadOnlyExistingOutIsAUsageErrorNamingTheFolderAndWhy() throws Exception {
        Photos.write(Photos.gray(24, 20, 1), dir.resolve("in/a.png"));
        Path out = Files.createDirectories(dir.resolve("out"));
        // chmod for ordinary users; root ignores permission bits, so it gets a read-only tmpfs instead.
        try (TestFolders readOnly = TestFolders.readOnly(out)) {
            int code = cli.run("-b", SepiaTestProvider.NAME, dir.resolve("in").toString(), "-o", out.toString());
            assertThat(code).as(cli.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(cli.err())
                    .hasLineCount(1)
                    .startsWith("colorize: " + out + ": cannot write into the output folder: ")
                    .containsAnyOf("Read-only file system", "permission denied")
                    .endsWith("; choose another --out\n");
        }
    }

    @Test
    void maxMegapixelsSetsThePixelLimitAndTheRefusalSaysHowToRaiseIt() throws Exception {
        Photos.write(Photos.gray(40, 30, 1), dir.resolve("in/a.png")); // 1200 pixels
        String in = dir.resolve("in").toString();
        String out = dir.resolve("out").toString();
        assertThat(cli.run("-b", SepiaTestProvider.NAME, "--max-megapixels", "0.001", in, "-o", out))
                .isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(cli.err())
                .isEqualTo("colorize: " + dir.resolve("in/a.png") + ": 1200 pixels (0.0012 MP) exceeds the limit of"
                        + " 0.001 MP; raise it with --max-megapixels if the photo is trusted\n");
        assertThat(cli.run("-b", SepiaTestProvider.NAME, "--max-megapixels", "0.0012", in, "-o", out))
                .isZero();
        assertThat(dir.resolve("out/a.png")).isRegularFile();
        assertThat(cli.run("-b", SepiaTestProvider.NAME, "--max-megapixels", "0", in, "-o", out))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).hasLineCount(1).contains("--max-megapixels must be a number above 0");
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.out()).contains("--max-megapixels=MP").contains("(default: 200;");
    }
}
