package io.github.colorize.video.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.colorize.Colorizer;
import io.github.colorize.Colorizers;
import io.github.colorize.NoBackendException;
import io.github.colorize.video.VideoResult;
import io.github.colorize.video.Videos;
import io.github.colorize.video.testing.FfmpegTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 8's goal on real footage with the real (bundled) model: stabilisation at least halves the
 * flicker of vtest.avi made gray, losing at most 0.2 dB of PSNR; the archival clip goes through the
 * whole job. Skips when {@code ../shared/data/video} or a backend is missing. By default it measures
 * the first {@value #DEFAULT_FRAMES} frames; {@code -Dcolorize.video.measure.frames=0} measures all.
 * Figures are printed, sample frames written to {@code target/video-measure/}.
 */
class VideoMeasurementIT {

    static final long DEFAULT_FRAMES = 100;

    static Path data;
    static Colorizer colorizer;
    static Path out = Path.of("target", "video-measure");

    @BeforeAll
    static void setUp() throws Exception {
        data = locate();
        assumeTrue(data != null, "shared/data/video is absent");
        try {
            colorizer = Colorizers.create();
        } catch (NoBackendException e) {
            assumeTrue(false, "no colourisation backend on the class path: " + e.getMessage());
        }
        Files.createDirectories(out);
    }

    @AfterAll
    static void tearDown() {
        if (colorizer != null) {
            colorizer.close();
        }
    }

    static long frames() {
        return Long.getLong("colorize.video.measure.frames", DEFAULT_FRAMES);
    }

    @Test
    void stabilizationHalvesTheFlickerOfAGrayedColorFilmAtATenthOfADecibel() throws Exception {
        VideoMeasurement.Comparison c =
                VideoMeasurement.compare(colorizer, data.resolve("vtest.avi"), true, frames(), out);
        System.out.println("backend " + colorizer.backend() + ", model " + colorizer.model());
        c.print(System.out);
        assertThat(c.flickerRatio()).as("flicker with / without stabilisation").isLessThanOrEqualTo(0.5);
        assertThat(c.psnrLoss()).as("PSNR lost by stabilising (dB)").isLessThanOrEqualTo(0.2);
    }

    @Test
    void theArchivalClipGoesThroughTheWholeJob() throws Exception {
        Path archival = data.resolve("a-bomb_blast_effects_part.mp4");
        VideoMeasurement.compare(colorizer, archival, false, frames(), out).print(System.out);
        Path input = archival;
        if (frames() > 0) {
            // An excerpt, cut by FFmpeg's own tool without re-encoding, keeps the IT short.
            input = out.resolve("a-bomb-excerpt.mp4");
            double seconds = frames() / 29.0;
            FfmpegTool.run(List.of(
                    FfmpegTool.ffmpeg(),
                    "-v",
                    "error",
                    "-y",
                    "-i",
                    archival.toString(),
                    "-t",
                    String.format(Locale.ROOT, "%.3f", seconds),
                    "-c",
                    "copy",
                    input.toString()));
        }
        Path result = out.resolve("a-bomb_blast_effects_part-colour.mp4");
        VideoResult r = VideoMeasurement.endToEnd(colorizer, input, result);
        System.out.printf(
                Locale.ROOT,
                "end to end %s: %d frames in %.1f s = %.2f fps, %d cuts, encoder %s%n",
                input.getFileName(),
                r.frames(),
                r.elapsed().toNanos() / 1e9,
                r.framesPerSecond(),
                r.sceneCuts(),
                r.videoEncoder());
        assertThat(Videos.probe(result).frameCount())
                .isEqualTo(Videos.probe(input).frameCount());
        assertThat(Videos.readProvenance(result)).isPresent();
    }

    private static Path locate() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/data/video");
            if (Files.isRegularFile(candidate.resolve("vtest.avi"))
                    && Files.isRegularFile(candidate.resolve("a-bomb_blast_effects_part.mp4"))) {
                return candidate;
            }
        }
        return null;
    }
}
