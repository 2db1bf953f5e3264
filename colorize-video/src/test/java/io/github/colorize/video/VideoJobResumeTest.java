package io.github.colorize.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.ColorizeOptions;
import io.github.colorize.video.internal.VideoSource;
import io.github.colorize.video.internal.WorkFolder;
import io.github.colorize.video.testing.ChildJvm;
import io.github.colorize.video.testing.FfmpegTool;
import io.github.colorize.video.testing.FlickerStubColorizer;
import io.github.colorize.video.testing.SyntheticClip;
import io.github.colorize.video.testing.VideoMetrics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A film stopped part-way (kill -9 of the JVM running it, or a cancel) is continued by the next run
 * from its last complete segment, and comes out as an uninterrupted run's: every frame and timestamp,
 * the sound, and no visible seam in the stabilised colours.
 */
class VideoJobResumeTest {

    /** 10 frames at 30000/1001 fps: the 50-frame clip makes 5 segments. */
    static final Duration SEGMENT = Duration.ofMillis(334);

    static final int PER_SEGMENT = 10;

    static final VideoOptions OPTIONS =
            VideoOptions.builder().segmentLength(SEGMENT).build();

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    static Path clip;
    static Path reference;
    static List<int[]> referenceFrames;

    @BeforeAll
    static void coloriseOnceUninterrupted() throws Exception {
        clip = FfmpegTool.writeSyntheticClip(shared.resolve("clip.mp4"));
        reference = shared.resolve("reference.mp4");
        VideoResult r = VideoColorizer.of(new FlickerStubColorizer(), OPTIONS).colorize(clip, reference);
        assertThat(r.resumed()).isFalse();
        referenceFrames = decode(reference);
    }

    @ParameterizedTest(name = "killed at frame {0}")
    @ValueSource(ints = {5, 10, 27, 50})
    void aRunKilledPartWayIsContinuedAndMatchesAnUninterruptedOne(int killedAt) throws Exception {
        Path out = dir.resolve("film.mp4");
        killDuring(clip, out, killedAt);
        assertThat(out).doesNotExist();
        assertThat(WorkFolder.of(out)).isDirectory();

        FlickerStubColorizer stub = new FlickerStubColorizer();
        List<VideoProgress> seen = new ArrayList<>();
        VideoResult r =
                VideoColorizer.of(stub, OPTIONS).job(clip, out, seen::add).run();

        long resumed = killedAt / PER_SEGMENT * PER_SEGMENT;
        assertThat(r.resumedFrames()).isEqualTo(resumed);
        assertThat(r.frames()).isEqualTo(SyntheticClip.FRAMES);
        // Only the frames not done, and the stabiliser's memory before them, were colourised again.
        assertThat(stub.calls()).isEqualTo(SyntheticClip.FRAMES - resumed + Math.min(VideoJob.WARM_UP, resumed));
        assertThat(seen).allSatisfy(p -> assertThat(p.framesResumed()).isEqualTo(resumed));
        if (!seen.isEmpty()) {
            assertThat(seen.get(0).framesDone()).isEqualTo(resumed + 1);
        }
        assertSameFilm(out, reference, (int) resumed);
        assertThat(r.provenance().sourceSha256())
                .isEqualTo(Videos.readProvenance(reference).orElseThrow().sourceSha256());
        assertThat(WorkFolder.of(out)).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    /** One continuous shot (no cut): a textured gradient, a square crossing it, a disc going down. */
    static int[] longShot(int t) {
        int w = SyntheticClip.WIDTH;
        int h = SyntheticClip.HEIGHT;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = 150 + 60 * x / w + ((((x / 8) + (y / 8)) & 1) == 0 ? 12 : -12);
                int sx = (20 + 2 * t) % (w + 24) - 24;
                if (x >= sx && x < sx + 24 && y >= 40 && y < 64) {
                    v = 60;
                }
                int dx = x - 120;
                int dy = y - ((20 + t) % (h + 28) - 14);
                if (dx * dx + dy * dy < 14 * 14) {
                    v = 110;
                }
                px[y * w + x] = v << 16 | v << 8 | v;
            }
        }
        return px;
    }

    @Test
    void theSeamOfAResumedShotChangesColorNoMoreThanTheUninterruptedFilmThere() throws Exception {
        // One shot of 100 frames, resumed at frame 70: the stabiliser's warm-up starts inside the shot.
        int frames = 100;
        int seam = 70;
        Path shot = FfmpegTool.writeClip(
                dir.resolve("shot.mp4"),
                SyntheticClip.WIDTH,
                SyntheticClip.HEIGHT,
                frames,
                VideoJobResumeTest::longShot);
        Path whole = dir.resolve("whole.mp4");
        VideoColorizer.of(new FlickerStubColorizer(), OPTIONS).colorize(shot, whole);
        Path out = dir.resolve("resumed.mp4");
        cancelAt(OPTIONS, shot, out, seam + 5);
        FlickerStubColorizer stub = new FlickerStubColorizer();

        VideoResult r = VideoColorizer.of(stub, OPTIONS).colorize(shot, out);

        assertThat(r.resumedFrames()).isEqualTo(seam);
        assertThat(stub.calls()).isEqualTo(frames - seam + VideoJob.WARM_UP);
        List<int[]> a = decode(whole);
        List<int[]> b = decode(out);
        VideoMetrics uninterrupted = new VideoMetrics();
        VideoMetrics resumed = new VideoMetrics();
        for (int i = seam - 1; i <= seam; i++) {
            uninterrupted.add(longShot(i), a.get(i));
            resumed.add(longShot(i), b.get(i));
        }
        // Without the warm-up the colours jumped 4 times as much there; with 24 frames, 19-40 % more.
        assertThat(resumed.flicker()).isLessThanOrEqualTo(uninterrupted.flicker() * 1.1);
        for (int i = seam; i < frames; i++) {
            assertThat(VideoMetrics.psnr(a.get(i), b.get(i))).as("frame %d", i).isGreaterThan(38);
        }
        assertThat(FfmpegTool.packetTimes(out, "v:0")).isEqualTo(FfmpegTool.packetTimes(whole, "v:0"));
    }

    @Test
    void aCorruptOrPartialLastSegmentIsDiscardedAndRedone() throws Exception {
        Path out = dir.resolve("film.mp4");
        cancelAt(OPTIONS, clip, out, 35);
        Path work = WorkFolder.of(out);
        Path last = work.resolve("000002.seg");
        assertThat(last).exists();
        try (RandomAccessFile f = new RandomAccessFile(last.toFile(), "rw")) {
            f.setLength(f.length() - 7); // cut short, as by a disk that lost its tail
        }
        Files.write(work.resolve("000003.seg.part"), new byte[100]); // a killed run's half segment

        VideoResult r = VideoColorizer.of(new FlickerStubColorizer(), OPTIONS).colorize(clip, out);

        assertThat(r.resumedFrames()).isEqualTo(20);
        assertSameFilm(out, reference, 20);
    }

    @Test
    void aSegmentWithADamagedByteIsRedone() throws Exception {
        Path out = dir.resolve("film.mp4");
        cancelAt(OPTIONS, clip, out, 25);
        Path second = WorkFolder.of(out).resolve("000001.seg");
        byte[] b = Files.readAllBytes(second);
        b[b.length / 2] ^= 0x10;
        Files.write(second, b);

        VideoResult r = VideoColorizer.of(new FlickerStubColorizer(), OPTIONS).colorize(clip, out);

        assertThat(r.resumedFrames()).isEqualTo(10);
        assertSameFilm(out, reference, 10);
    }

    static Stream<String> foreignWork() {
        return Stream.of("another film", "other options", "another segment length");
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("foreignWork")
    void aWorkFolderOfAnotherFilmOrOtherSettingsIsNeverUsed(String what) throws Exception {
        Path out = dir.resolve("film.mp4");
        Path source = clip;
        VideoOptions options = OPTIONS;
        switch (what) {
            case "another film" -> {
                cancelAt(
                        OPTIONS,
                        FfmpegTool.writeClip(
                                dir.resolve("other.mp4"),
                                SyntheticClip.WIDTH,
                                SyntheticClip.HEIGHT,
                                SyntheticClip.FRAMES,
                                t -> SyntheticClip.frame(SyntheticClip.FRAMES - 1 - t)),
                        out,
                        30);
            }
            case "other options" -> {
                options = OPTIONS.toBuilder()
                        .colorizeOptions(
                                ColorizeOptions.builder().chromaStrength(0.5).build())
                        .build();
                cancelAt(OPTIONS, clip, out, 30);
            }
            default -> {
                options = OPTIONS.toBuilder()
                        .segmentLength(Duration.ofMillis(500))
                        .build();
                cancelAt(OPTIONS, clip, out, 30);
            }
        }
        assertThat(Files.list(WorkFolder.of(out)).filter(p -> p.toString().endsWith(".seg")))
                .hasSize(3);

        FlickerStubColorizer stub = new FlickerStubColorizer();
        VideoResult r = VideoColorizer.of(stub, options).colorize(source, out);

        assertThat(r.resumedFrames()).isZero();
        assertThat(stub.calls()).isEqualTo(SyntheticClip.FRAMES);
        Path fresh = dir.resolve("fresh.mp4");
        VideoColorizer.of(new FlickerStubColorizer(), options).colorize(source, fresh);
        List<int[]> a = decode(out);
        List<int[]> b = decode(fresh);
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(VideoMetrics.psnr(a.get(i), b.get(i))).as("frame %d", i).isEqualTo(100);
        }
    }

    @Test
    void theSegmentedFilmIsTheOnePassFilm() throws Exception {
        Path onePass = dir.resolve("one-pass.mp4");
        VideoColorizer.of(
                        new FlickerStubColorizer(),
                        OPTIONS.toBuilder().segmentLength(Duration.ZERO).build())
                .colorize(clip, onePass);
        assertThat(FfmpegTool.packetTimes(reference, "v:0")).isEqualTo(FfmpegTool.packetTimes(onePass, "v:0"));
        assertThat(FfmpegTool.audioPacketDigests(reference)).isEqualTo(FfmpegTool.audioPacketDigests(onePass));
        List<int[]> a = decode(onePass);
        for (int i = 0; i < a.size(); i++) {
            // Same colours; only the encoder's extra key frames at the segment starts differ.
            assertThat(VideoMetrics.psnr(a.get(i), referenceFrames.get(i)))
                    .as("frame %d", i)
                    .isGreaterThan(30);
        }
    }

    @Test
    void aCancelledRunKeepsItsCompleteSegmentsAndSaysSoNowhereElse() throws Exception {
        Path out = dir.resolve("film.mp4");
        cancelAt(OPTIONS, clip, out, 3);
        assertThat(WorkFolder.of(out)).doesNotExist(); // nothing complete: nothing kept
        cancelAt(OPTIONS, clip, out, 12);
        assertThat(WorkFolder.of(out).resolve("000000.seg")).exists();
        assertThat(out).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    /** The same frames, timestamps and sound as the reference, and no seam in the colours. */
    private static void assertSameFilm(Path out, Path ref, int seam) throws Exception {
        assertThat(FfmpegTool.packetTimes(out, "v:0"))
                .hasSize(SyntheticClip.FRAMES)
                .isEqualTo(FfmpegTool.packetTimes(ref, "v:0"));
        assertThat(FfmpegTool.audioPacketDigests(out)).isEqualTo(FfmpegTool.audioPacketDigests(ref));
        List<int[]> frames = decode(out);
        assertThat(frames).hasSize(SyntheticClip.FRAMES);
        for (int i = 0; i < seam; i++) {
            // Taken over from the segments as they were encoded: the same pixels.
            assertThat(VideoMetrics.psnr(frames.get(i), referenceFrames.get(i)))
                    .as("frame %d", i)
                    .isEqualTo(100);
        }
        if (seam == 0 || seam >= SyntheticClip.FRAMES) {
            return;
        }
        double resumed = seamFlicker(frames, seam);
        double uninterrupted = seamFlicker(referenceFrames, seam);
        System.out.printf(
                Locale.ROOT, "seam at %d: flicker %.4f resumed, %.4f uninterrupted%n", seam, resumed, uninterrupted);
        assertThat(resumed).isLessThanOrEqualTo(uninterrupted * 1.1 + 0.02);
        for (int i = seam; i < frames.size(); i++) {
            assertThat(VideoMetrics.psnr(frames.get(i), referenceFrames.get(i)))
                    .as("frame %d", i)
                    .isGreaterThan(35);
        }
    }

    /** The mean chroma change between consecutive frames over the 4 frames either side of the seam. */
    private static double seamFlicker(List<int[]> frames, int seam) {
        VideoMetrics m = new VideoMetrics();
        for (int i = Math.max(0, seam - 4); i < Math.min(frames.size(), seam + 4); i++) {
            m.add(SyntheticClip.frame(i), frames.get(i));
        }
        return m.flicker();
    }

    static List<int[]> decode(Path file) {
        List<int[]> out = new ArrayList<>();
        try (VideoSource s = VideoSource.open(file)) {
            VideoSource.Frame f;
            while ((f = s.next((p, st) -> {})) != null) {
                out.add(f.rgb());
            }
        }
        return out;
    }

    private static void cancelAt(VideoOptions options, Path source, Path out, int frame) throws IOException {
        VideoJob[] job = new VideoJob[1];
        job[0] = VideoColorizer.of(new FlickerStubColorizer(), options).job(source, out, p -> {
            if (p.framesDone() == frame) {
                job[0].cancel();
            }
        });
        assertThatThrownBy(job[0]::run).isInstanceOf(VideoCancelledException.class);
    }

    /** Runs the job in another JVM and kills it (SIGKILL) while it is at the given frame. */
    private static void killDuring(Path source, Path out, int frame) throws Exception {
        Process child = ChildJvm.start(
                Child.class,
                source.toString(),
                out.toString(),
                Long.toString(SEGMENT.toMillis()),
                Integer.toString(frame));
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            List<String> log = new ArrayList<>();
            while ((line = lines.readLine()) != null && !line.equals("at " + frame)) {
                log.add(line);
            }
            assertThat(line).as("the child's output: %s", log).isEqualTo("at " + frame);
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".colorize-part")
                            || p.getFileName().toString().endsWith(".colorize-lock"))
                    .toList();
        }
    }

    /** Run in a child JVM: colourises args[0] into args[1] and stops dead at frame args[3]. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            int stopAt = Integer.parseInt(args[3]);
            VideoOptions options = VideoOptions.builder()
                    .segmentLength(Duration.ofMillis(Long.parseLong(args[2])))
                    .build();
            VideoColorizer.of(new FlickerStubColorizer(), options)
                    .job(Path.of(args[0]), Path.of(args[1]), p -> {
                        if (p.framesDone() == stopAt) {
                            System.out.println("at " + stopAt);
                            System.out.flush();
                            try {
                                Thread.sleep(Long.MAX_VALUE); // until killed
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    })
                    .run();
        }
    }
}
