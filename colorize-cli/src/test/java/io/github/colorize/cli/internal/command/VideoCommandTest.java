package io.github.colorize.cli.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.cli.testing.SepiaTestProvider;
import io.github.colorize.video.Videos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoCommandTest {

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    static Path clip;

    private final CliHarness cli = new CliHarness();

    /** A one-second test film with a tone, made by the ffmpeg program of the FFmpeg natives jar. */
    @BeforeAll
    static void makeClip() throws IOException, InterruptedException {
        clip = shared.resolve("clip.mp4");
        String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        Process p = new ProcessBuilder(List.of(
                        ffmpeg,
                        "-v",
                        "error",
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc=size=96x64:rate=10:duration=1",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=440:duration=1",
                        "-c:v",
                        "libopenh264",
                        "-c:a",
                        "aac",
                        clip.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }

    @Test
    void whatADamagedFilmLostIsPrintedAsAWarning() throws Exception {
        Path ts = dir.resolve("clip.ts");
        String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        Process p = new ProcessBuilder(
                        List.of(ffmpeg, "-v", "error", "-y", "-i", clip.toString(), "-c", "copy", ts.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        byte[] b = Files.readAllBytes(ts);
        byte[] noise = new byte[b.length / 2]; // about half of the ten frames
        new java.util.Random(11).nextBytes(noise);
        System.arraycopy(noise, 0, b, b.length / 4, noise.length);
        Path damaged = Files.write(dir.resolve("damaged.ts"), b);
        Path out = dir.resolve("colour.mp4");

        int code = cli.run(
                "video",
                damaged.toString(),
                "--out",
                out.toString(),
                "-b",
                SepiaTestProvider.NAME,
                "--progress",
                "none");

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.err()).startsWith("colorize: warning: " + damaged + ": ");
        assertThat(out).exists();
    }

    @Test
    void colorisesAFilmIntoAFile() {
        Path out = dir.resolve("colour.mp4");
        int code = cli.run(
                "video", clip.toString(), "--out", out.toString(), "-b", SepiaTestProvider.NAME, "--progress", "none");
        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains(out + ": 10 frames in ")
                .contains("audio copied (1 stream)")
                .contains("stabilised (0 scene cuts)")
                .contains("backend " + SepiaTestProvider.NAME);
        assertThat(cli.err()).isEmpty();
        assertThat(Videos.probe(out).frameCount()).isEqualTo(10);
        assertThat(Videos.readProvenance(out).orElseThrow().backend()).isEqualTo(SepiaTestProvider.NAME);
    }

    @Test
    void aFolderAsOutGetsTheFilmsName() {
        int code = cli.run(
                "video",
                clip.toString(),
                "-o",
                dir.toString(),
                "-b",
                SepiaTestProvider.NAME,
                "--no-stabilise",
                "--no-watermark",
                "--progress",
                "lines");
        assertThat(code).as(cli.err()).isZero();
        assertThat(dir.resolve("clip.mp4")).isRegularFile();
        assertThat(cli.out()).contains("not stabilised");
    }

    @Test
    void anOutEndingInASeparatorIsAFolderCreatedForTheFilm() {
        Path folder = dir.resolve("colour");
        int code = cli.run(
                "video",
                clip.toString(),
                "--out",
                folder + java.io.File.separator,
                "-b",
                SepiaTestProvider.NAME,
                "--no-stabilise",
                "--progress",
                "none");
        assertThat(code).as(cli.err()).isZero();
        assertThat(folder).isDirectory();
        assertThat(folder.resolve("clip.mp4")).isRegularFile();
        assertThat(cli.out()).contains(folder.resolve("clip.mp4") + ": 10 frames in ");
    }

    @Test
    void aDamagedFilmIsOneLineOnStderr() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.avi"), "not a film");
        int code =
                cli.run("video", bad.toString(), "-o", dir.resolve("x.mp4").toString(), "-b", SepiaTestProvider.NAME);
        assertThat(code).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(cli.err()).hasLineCount(1).startsWith("colorize: " + bad + ": cannot decode video: ");
        assertThat(dir.resolve("x.mp4")).doesNotExist();
    }

    @Test
    void usageErrors() {
        assertThat(cli.run("video", clip.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--out OUT is required");
        assertThat(cli.run("video", clip.toString(), "-o", dir.resolve("y.mp4").toString(), "-s", "5"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("video", clip.toString(), "-o", dir.resolve("y.mp4").toString(), "--progress", "loud"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("video", clip.toString(), "-o", dir.resolve("y.mp4").toString(), "-b", "no-such"))
                .isEqualTo(ExitCodes.NO_BACKEND);
        assertThat(dir.resolve("y.mp4")).doesNotExist();
    }

    @Test
    void aResumedRunSaysSoInItsSummaryAndBeforeItsFirstFrame() {
        var provenance =
                io.github.colorize.Provenance.of("stub", "m", null, 0, 1.0, "cpu", io.github.colorize.Timings.ZERO);
        var r = new io.github.colorize.video.VideoResult(
                dir.resolve("f.mp4"),
                795,
                0,
                0,
                "libopenh264",
                java.time.Duration.ofSeconds(10),
                provenance,
                List.of(),
                500);
        assertThat(VideoCommand.summary(r, io.github.colorize.video.VideoOptions.defaults()))
                .contains(": 795 frames (resumed after frame 500, done by an earlier run) in ")
                .contains("(29.50 fps)");
        var err = new java.io.StringWriter();
        var printer = new VideoProgressPrinter(
                new java.io.PrintWriter(err),
                new java.io.PrintWriter(new java.io.StringWriter()),
                ProgressMode.NONE,
                80);
        printer.onProgress(
                new io.github.colorize.video.VideoProgress(501, 795, java.time.Duration.ofSeconds(1), 0, 500));
        printer.onProgress(
                new io.github.colorize.video.VideoProgress(502, 795, java.time.Duration.ofSeconds(2), 0, 500));
        assertThat(err.toString())
                .isEqualTo(
                        "colorize: resuming after frame 500 of 795: the frames before it were finished by an earlier run"
                                + System.lineSeparator());
    }

    @Test
    void progressLinesShowRateAndEta() {
        var p = new io.github.colorize.video.VideoProgress(120, 795, java.time.Duration.ofSeconds(50), 0);
        String line = VideoProgressPrinter.line(p, 80);
        assertThat(line)
                .startsWith("120/795 [")
                .contains(" 15%")
                .contains("2.40 fps")
                .contains("ETA 4m 41s");
        assertThat(line.length()).isLessThan(80);
        assertThat(VideoProgressPrinter.line(
                        new io.github.colorize.video.VideoProgress(3, -1, java.time.Duration.ofSeconds(1), 0), 80))
                .startsWith("3/?")
                .contains("ETA --");
    }
}
