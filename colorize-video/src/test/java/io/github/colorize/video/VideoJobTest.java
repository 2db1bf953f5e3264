package io.github.colorize.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.ColorizeOptions;
import io.github.colorize.Provenance;
import io.github.colorize.video.internal.VideoSource;
import io.github.colorize.video.testing.FfmpegTool;
import io.github.colorize.video.testing.FlickerStubColorizer;
import io.github.colorize.video.testing.SyntheticClip;
import io.github.colorize.video.testing.VideoMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: the synthetic clip through the whole job, checked with FFmpeg's own tools. */
class VideoJobTest {

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    static Path clip;
    static Path stabilized;
    static VideoResult stabilizedResult;
    static Path unstabilized;

    @BeforeAll
    static void coloriseOnceBothWays() throws Exception {
        clip = FfmpegTool.writeSyntheticClip(shared.resolve("clip.mp4"));
        stabilized = shared.resolve("steady.mp4");
        stabilizedResult = VideoColorizer.of(new FlickerStubColorizer()).colorize(clip, stabilized);
        unstabilized = shared.resolve("raw.mp4");
        VideoColorizer.of(
                        new FlickerStubColorizer(),
                        VideoOptions.builder().stabilize(false).build())
                .colorize(clip, unstabilized);
    }

    @Test
    void keepsEveryFrameAndItsTimestamp() throws Exception {
        assertThat(stabilizedResult.frames()).isEqualTo(SyntheticClip.FRAMES);
        assertThat(FfmpegTool.packetTimes(stabilized, "v:0"))
                .hasSize(SyntheticClip.FRAMES)
                .isEqualTo(FfmpegTool.packetTimes(clip, "v:0"));
        assertThat(FfmpegTool.streamEntry(stabilized, "v:0", "avg_frame_rate")).isEqualTo("30000/1001");
    }

    @Test
    void writesH264InMp4() throws Exception {
        assertThat(FfmpegTool.streamEntry(stabilized, "v:0", "codec_name")).isEqualTo("h264");
        assertThat(Videos.probe(stabilized).container()).contains("mp4");
        assertThat(stabilizedResult.videoEncoder()).isIn("libx264", "libopenh264");
        VideoInfo info = Videos.probe(stabilized);
        assertThat(info.width()).isEqualTo(SyntheticClip.WIDTH);
        assertThat(info.height()).isEqualTo(SyntheticClip.HEIGHT);
        assertThat(info.frameCount()).isEqualTo(SyntheticClip.FRAMES);
    }

    @Test
    void copiesTheAudioUntouched() throws Exception {
        assertThat(stabilizedResult.audioStreams()).isEqualTo(1);
        List<String> original = FfmpegTool.audioPacketDigests(clip);
        assertThat(original).hasSizeGreaterThan(10);
        assertThat(FfmpegTool.audioPacketDigests(stabilized)).isEqualTo(original);
    }

    @Test
    void findsTheCut() {
        assertThat(stabilizedResult.sceneCuts()).isEqualTo(1);
    }

    @Test
    void stabilizationMoreThanHalvesTheFlickerOfTheWrittenFilm() {
        VideoMetrics raw = new VideoMetrics();
        VideoMetrics steady = new VideoMetrics();
        try (VideoSource in = VideoSource.open(clip);
                VideoSource a = VideoSource.open(unstabilized);
                VideoSource b = VideoSource.open(stabilized)) {
            VideoSource.Frame f;
            while ((f = in.next((p, s) -> {})) != null) {
                raw.add(f.rgb(), a.next((p, s) -> {}).rgb());
                steady.add(f.rgb(), b.next((p, s) -> {}).rgb());
            }
        }
        assertThat(steady.frames()).isEqualTo(SyntheticClip.FRAMES);
        assertThat(steady.flicker()).isLessThan(raw.flicker() / 2);
    }

    @Test
    void tagsTheContainerWithTheProvenanceRecord() throws Exception {
        Provenance p = Videos.readProvenance(stabilized).orElseThrow();
        assertThat(p).isEqualTo(stabilizedResult.provenance());
        assertThat(p.backend()).isEqualTo("stub");
        assertThat(p.model()).isEqualTo("flicker-stub");
        assertThat(p.sourceName()).isEqualTo("clip.mp4");
        assertThat(p.sourceSha256()).hasSize(64);
        assertThat(p.timings().postprocess()).isPositive();
        List<String> tags = FfmpegTool.run(List.of(
                FfmpegTool.ffprobe(),
                "-v",
                "error",
                "-show_entries",
                "format_tags",
                "-of",
                "flat",
                stabilized.toString()));
        assertThat(String.join("\n", tags))
                .contains("compositeWithTrainedAlgorithmicMedia")
                .contains("machine-learning model");
    }

    @Test
    void writesOtherContainersWhenAsked() throws Exception {
        Path out = dir.resolve("film.mkv");
        VideoResult r = VideoColorizer.of(new FlickerStubColorizer()).colorize(clip, out);
        assertThat(r.frames()).isEqualTo(SyntheticClip.FRAMES);
        assertThat(Videos.probe(out).container()).contains("matroska");
        assertThat(FfmpegTool.streamEntry(out, "v:0", "codec_name")).isEqualTo("h264");
        assertThat(FfmpegTool.audioPacketDigests(out)).hasSameSizeAs(FfmpegTool.audioPacketDigests(clip));
        Provenance p = Videos.readProvenance(out).orElseThrow();
        assertThat(p.model()).isEqualTo("flicker-stub");
        assertThat(p.sourceSha256()).isEqualTo(r.provenance().sourceSha256());
    }

    @Test
    void leavesNoMarkWhenAskedAndStillTagsTheFile() throws Exception {
        Path out = dir.resolve("nomark.mp4");
        VideoOptions opts = VideoOptions.builder()
                .colorizeOptions(ColorizeOptions.builder().watermark(false).build())
                .build();
        VideoColorizer.of(new FlickerStubColorizer(), opts).colorize(clip, out);
        assertThat(Videos.readProvenance(out)).isPresent();
    }

    @Test
    void leavesOutTheTagsWhenMetadataIsOff() throws Exception {
        Path out = dir.resolve("untagged.mp4");
        VideoOptions opts = VideoOptions.builder()
                .colorizeOptions(ColorizeOptions.builder().embedMetadata(false).build())
                .build();
        VideoColorizer.of(new FlickerStubColorizer(), opts).colorize(clip, out);
        assertThat(Videos.readProvenance(out)).isEmpty();
    }

    @Test
    void reportsProgressAfterEveryFrame() throws Exception {
        List<VideoProgress> seen = new ArrayList<>();
        VideoColorizer.of(new FlickerStubColorizer())
                .job(clip, dir.resolve("p.mp4"), seen::add)
                .run();
        assertThat(seen).hasSize(SyntheticClip.FRAMES);
        assertThat(seen.get(0).framesTotal()).isEqualTo(SyntheticClip.FRAMES);
        assertThat(seen.get(SyntheticClip.FRAMES - 1).framesDone()).isEqualTo(SyntheticClip.FRAMES);
        assertThat(seen.get(SyntheticClip.FRAMES - 1).eta()).isZero();
        assertThat(seen.get(0).eta()).isNotNull();
    }

    @Test
    void cancellingLeavesNothingBehindAndKeepsAnExistingTarget() throws Exception {
        Path out = dir.resolve("cancel.mp4");
        Files.writeString(out, "an older file");
        VideoJob[] job = new VideoJob[1];
        job[0] = VideoColorizer.of(new FlickerStubColorizer()).job(clip, out, p -> {
            if (p.framesDone() == 10) {
                job[0].cancel();
            }
        });
        assertThatThrownBy(job[0]::run)
                .isInstanceOf(VideoCancelledException.class)
                .hasMessageContaining("cancel.mp4")
                .satisfies(e ->
                        assertThat(((VideoCancelledException) e).framesDone()).isEqualTo(10));
        assertThat(job[0].isCancelled()).isTrue();
        assertThat(Files.readString(out)).isEqualTo("an older file");
        assertThat(partFiles(dir)).isEmpty();
        assertThatThrownBy(job[0]::run).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anInterruptCancels() throws Exception {
        Path out = dir.resolve("interrupted.mp4");
        VideoJob job = VideoColorizer.of(new FlickerStubColorizer()).job(clip, out, p -> {
            if (p.framesDone() == 3) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            assertThatThrownBy(job::run).isInstanceOf(VideoCancelledException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(out).doesNotExist();
        assertThat(partFiles(dir)).isEmpty();
    }

    @Test
    void aRerunAfterACrashRemovesTheLeftover() throws Exception {
        Path out = dir.resolve("rerun.mp4");
        Path leftover = dir.resolve(".rerun.mp4.colorize-part");
        Files.write(leftover, new byte[4096]);
        VideoColorizer.of(new FlickerStubColorizer()).colorize(clip, out);
        assertThat(leftover).doesNotExist();
        assertThat(Videos.probe(out).frameCount()).isEqualTo(SyntheticClip.FRAMES);
    }

    @Test
    void neverOverwritesTheSource() throws Exception {
        Path copy = Files.copy(clip, dir.resolve("source.mp4"));
        byte[] before = Files.readAllBytes(copy);
        assertThatThrownBy(() -> VideoColorizer.of(new FlickerStubColorizer()).colorize(copy, copy))
                .isInstanceOf(VideoException.class)
                .hasMessageContaining("source.mp4");
        assertThat(Files.readAllBytes(copy)).isEqualTo(before);
    }

    @Test
    void aSoundFilmHasNoWarnings() {
        assertThat(stabilizedResult.warnings()).isEmpty();
    }

    @Test
    void aDamagedMiddleIsSkippedAndTheFilmIsKeptWithAWarning() throws Exception {
        // MPEG-TS has no index: a demuxer resynchronises after noise, so the film goes on past it.
        Path ts = FfmpegTool.writeSyntheticClip(dir.resolve("clip.ts"));
        VideoResult sound = VideoColorizer.of(new FlickerStubColorizer()).colorize(ts, dir.resolve("sound.mp4"));
        assertThat(sound.frames()).isEqualTo(SyntheticClip.FRAMES);
        assertThat(sound.warnings()).isEmpty();
        byte[] b = Files.readAllBytes(ts);
        byte[] noise = new byte[b.length / 5];
        new Random(11).nextBytes(noise);
        System.arraycopy(noise, 0, b, b.length * 2 / 5, noise.length);
        Path damaged = Files.write(dir.resolve("damaged.ts"), b);
        Path out = dir.resolve("out.mp4");

        VideoResult r = VideoColorizer.of(new FlickerStubColorizer()).colorize(damaged, out);

        assertThat(r.frames()).isBetween(5L, (long) SyntheticClip.FRAMES - 1);
        assertThat(r.warnings())
                .anySatisfy(
                        w -> assertThat(w).contains("about " + (SyntheticClip.FRAMES - r.frames()) + " frames missing"))
                .anySatisfy(w -> assertThat(w).contains("damaged audio packet"));
        assertThat(Videos.probe(out).frameCount()).isEqualTo(r.frames());
        assertThat(partFiles(dir)).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"avi", "mkv"})
    void aFilmCutOffPartWayIsKeptWithAWarningOfHowMuchIsMissing(String container) throws Exception {
        // AVI states its frame count in the header at the front, Matroska its duration: a copy cut
        // off part-way reads to a clean end of file, so only that statement shows what is missing.
        // 150 frames: 5 s, so that what is cut off is more than the tolerance of a container-wide duration.
        int declared = 3 * SyntheticClip.FRAMES;
        Path whole = FfmpegTool.writeClip(
                dir.resolve("whole." + container),
                SyntheticClip.WIDTH,
                SyntheticClip.HEIGHT,
                declared,
                t -> SyntheticClip.frame(t % SyntheticClip.FRAMES));
        byte[] b = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut." + container), java.util.Arrays.copyOf(b, b.length * 3 / 5));
        Path out = dir.resolve("cut-" + container + ".mp4");

        VideoResult r = VideoColorizer.of(new FlickerStubColorizer()).colorize(cut, out);

        assertThat(r.frames()).isBetween(30L, declared - 30L);
        // FFmpeg's AVI muxer counts one frame more than it was given (the encoder's delay).
        long missing = declared - r.frames() + (container.equals("avi") ? 1 : 0);
        String expected = container.equals("avi")
                ? "the film ends early: " + missing + " of the " + (declared + 1)
                        + " frames its container declares are missing ("
                : "the film ends early: ";
        String seconds = container.equals("avi")
                ? "\\(\\d\\.\\d s of 5\\.\\d s\\)"
                : "s of the 5\\.\\d s its container declares are missing \\(about \\d+ frames\\)";
        assertThat(r.warnings())
                .anySatisfy(w -> assertThat(w)
                        .startsWith(expected)
                        .containsPattern(seconds)
                        .contains("cut off"));
        assertThat(Videos.probe(out).frameCount()).isEqualTo(r.frames());
        VideoResult sound = VideoColorizer.of(new FlickerStubColorizer()).colorize(whole, dir.resolve("whole.mp4"));
        assertThat(sound.frames()).isEqualTo(declared);
        assertThat(sound.warnings()).isEmpty();
    }

    static Stream<String> corruptions() {
        return Stream.of("random", "text", "truncated", "audio-only", "empty", "missing");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("corruptions")
    void aCorruptFileFailsWithAClearError(String kind) throws Exception {
        Path bad = dir.resolve(kind + ".mp4");
        switch (kind) {
            case "random" -> {
                byte[] b = new byte[200_000];
                new Random(5).nextBytes(b);
                Files.write(bad, b);
            }
            case "text" -> Files.writeString(bad, "this is not a film\n".repeat(100));
            case "truncated" -> {
                byte[] b = Files.readAllBytes(clip); // moov at the end: the index is cut off
                Files.write(bad, java.util.Arrays.copyOf(b, b.length / 2));
            }
            case "audio-only" ->
                FfmpegTool.run(List.of(
                        FfmpegTool.ffmpeg(),
                        "-v",
                        "error",
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=440:duration=1",
                        "-c:a",
                        "aac",
                        bad.toString()));
            case "empty" -> Files.write(bad, new byte[0]);
            default -> {}
        }
        Path out = dir.resolve("out-" + kind + ".mp4");
        FlickerStubColorizer stub = new FlickerStubColorizer();
        assertThatThrownBy(() -> VideoColorizer.of(stub).colorize(bad, out))
                .isInstanceOf(UndecodableVideoException.class)
                .hasMessageStartingWith(bad.toString() + ": cannot decode video: ")
                .satisfies(e -> assertThat(((VideoException) e).file()).isEqualTo(bad))
                .satisfies(e -> assertThat(e.getMessage()).doesNotEndWith(": "));
        assertThat(stub.calls()).isZero();
        assertThat(out).doesNotExist();
        assertThat(partFiles(dir)).isEmpty();
    }

    @Test
    void anUnknownContainerIsRefusedBeforeAnythingIsWritten() {
        Path out = dir.resolve("film.notavideo");
        assertThatThrownBy(() -> VideoColorizer.of(new FlickerStubColorizer()).colorize(clip, out))
                .isInstanceOf(VideoException.class)
                .hasMessageContaining("film.notavideo")
                .hasMessageContaining("container");
        assertThat(out).doesNotExist();
    }

    @Test
    void aMissingOutputFolderIsAnIoError() {
        Path out = dir.resolve("no/such/folder/out.mp4");
        assertThatThrownBy(() -> VideoColorizer.of(new FlickerStubColorizer()).colorize(clip, out))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("output folder");
    }

    private static List<Path> partFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".colorize-part")
                            || p.getFileName().toString().endsWith(".colorize-lock"))
                    .toList();
        }
    }
}
