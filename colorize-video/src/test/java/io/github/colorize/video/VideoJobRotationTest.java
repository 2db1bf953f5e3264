package io.github.colorize.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.ColorizeOptions;
import io.github.colorize.internal.provenance.PaletteMark;
import io.github.colorize.video.internal.Orientation;
import io.github.colorize.video.testing.FfmpegTool;
import io.github.colorize.video.testing.FlickerStubColorizer;
import java.awt.Rectangle;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Phone videos: a landscape recording whose display matrix says how to turn it. The colourised film
 * must come out upright, without a matrix, looking as FFmpeg itself shows the source.
 */
class VideoJobRotationTest {

    /** Stored size: landscape, so that a quarter turn is visible in the output's size. */
    static final int W = 160;

    static final int H = 96;
    static final int FRAMES = 8;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    static Path clip;

    /** A bright block in the stored top-left corner, on a gradient that differs along each axis. */
    static int[] frame(int t) {
        int[] px = new int[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int v = 40 + 90 * x / W + 50 * y / H;
                if (x >= 8 && x < 40 && y >= 8 && y < 32) {
                    v = 235;
                }
                if (x >= 60 + 2 * t && x < 70 + 2 * t && y >= 50 && y < 60) {
                    v = 20; // something moving, so that the stabiliser has work
                }
                px[y * W + x] = v << 16 | v << 8 | v;
            }
        }
        return px;
    }

    @BeforeAll
    static void writeTheRecording() throws Exception {
        clip = FfmpegTool.writeClip(shared.resolve("landscape.mp4"), W, H, FRAMES, VideoJobRotationTest::frame);
    }

    /**
     * @param ccw the display rotation, counter-clockwise, as {@code ffmpeg -display_rotation} takes it
     *     (-1: no display matrix at all)
     * @param mirror whether the matrix also mirrors
     * @param corner where the stored top-left block must be seen
     */
    @ParameterizedTest(name = "rotation {0}, mirror {1}: block at {2}")
    @CsvSource({
        "-1, false, TOP_LEFT",
        "90, false, BOTTOM_LEFT",
        "180, false, BOTTOM_RIGHT",
        "270, false, TOP_RIGHT",
        "0, true, TOP_RIGHT",
    })
    void writesTheFilmUpright(int ccw, boolean mirror, String corner) throws Exception {
        Path source = ccw < 0 ? clip : FfmpegTool.withDisplayRotation(clip, dir.resolve("phone.mp4"), ccw, mirror);
        boolean quarter = ccw == 90 || ccw == 270;
        int uw = quarter ? H : W;
        int uh = quarter ? W : H;
        assertThat(Videos.probe(source).width()).isEqualTo(uw);
        assertThat(Videos.probe(source).height()).isEqualTo(uh);

        Path out = dir.resolve("upright.mp4");
        VideoOptions unmarked = VideoOptions.builder()
                .colorizeOptions(ColorizeOptions.builder().watermark(false).build())
                .build();
        VideoResult r = VideoColorizer.of(new FlickerStubColorizer(), unmarked).colorize(source, out);

        assertThat(r.frames()).isEqualTo(FRAMES);
        assertThat(FfmpegTool.streamEntry(out, "v:0", "width")).isEqualTo(Integer.toString(uw));
        assertThat(FfmpegTool.streamEntry(out, "v:0", "height")).isEqualTo(Integer.toString(uh));
        assertThat(FfmpegTool.displayRotation(out)).isNull();
        int[] ours = FfmpegTool.firstFrameGray(out, uw, uh);
        // FFmpeg turns the source by its matrix when decoding: the reference for what is upright.
        int[] shown = FfmpegTool.firstFrameGray(source, uw, uh);
        // The stub colouriser keeps luma only roughly (saturated colours clip), so compare with the
        // other ways the picture could have been turned rather than with a fixed tolerance.
        double right = meanAbsDiff(ours, shown);
        for (Orientation wrong : new Orientation[] {Orientation.MIRROR, Orientation.FLIP, Orientation.HALF_TURN}) {
            assertThat(right).isLessThan(meanAbsDiff(ours, wrong.apply(shown, uw, uh)) / 3);
        }
        assertThat(right).isLessThan(12);
        assertThat(brightestCorner(ours, uw, uh)).isEqualTo(corner);
        // Timing and sound as for any other film.
        assertThat(FfmpegTool.packetTimes(out, "v:0")).isEqualTo(FfmpegTool.packetTimes(source, "v:0"));
        assertThat(FfmpegTool.audioPacketDigests(out)).isEqualTo(FfmpegTool.audioPacketDigests(source));
    }

    @Test
    void thePaletteMarkLandsInTheVisibleBottomCorner() throws Exception {
        Path source = FfmpegTool.withDisplayRotation(clip, dir.resolve("portrait.mp4"), 270, false);
        Path marked = dir.resolve("marked.mp4");
        Path unmarked = dir.resolve("unmarked.mp4");
        VideoColorizer.of(new FlickerStubColorizer()).colorize(source, marked);
        VideoColorizer.of(
                        new FlickerStubColorizer(),
                        VideoOptions.builder()
                                .colorizeOptions(ColorizeOptions.builder()
                                        .watermark(false)
                                        .build())
                                .build())
                .colorize(source, unmarked);
        int uw = H;
        int uh = W;
        Rectangle box = PaletteMark.bounds(uw, uh, ColorizeOptions.defaults().watermark())
                .orElseThrow();
        assertThat(box.y + box.height).isGreaterThan(uh * 3 / 4); // near the bottom of the upright frame
        int[] a = FfmpegTool.firstFrameGray(marked, uw, uh);
        int[] b = FfmpegTool.firstFrameGray(unmarked, uw, uh);
        double inside = 0;
        double outside = 0;
        int n = 0;
        for (int y = 0; y < uh; y++) {
            for (int x = 0; x < uw; x++) {
                int d = Math.abs(a[y * uw + x] - b[y * uw + x]);
                if (box.contains(x, y)) {
                    inside += d;
                    n++;
                } else {
                    outside += d;
                }
            }
        }
        inside /= n;
        outside /= (uw * uh - n);
        assertThat(inside).isGreaterThan(10);
        assertThat(outside).isLessThan(inside / 10);
    }

    @Test
    void anAngleThatIsNotARightAngleIsKeptAsAMatrix() throws Exception {
        Path source = FfmpegTool.withDisplayRotation(clip, dir.resolve("tilted.mp4"), 30, false);
        Path out = dir.resolve("tilted-colour.mp4");
        VideoColorizer.of(new FlickerStubColorizer()).colorize(source, out);
        assertThat(FfmpegTool.streamEntry(out, "v:0", "width")).isEqualTo(Integer.toString(W));
        assertThat(FfmpegTool.streamEntry(out, "v:0", "height")).isEqualTo(Integer.toString(H));
        assertThat(FfmpegTool.displayRotation(source)).isNotNull();
        assertThat(FfmpegTool.displayRotation(out)).isEqualTo(FfmpegTool.displayRotation(source));
    }

    private static double meanAbsDiff(int[] a, int[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] - b[i]);
        }
        return s / a.length;
    }

    /** The corner whose 20×20 square is brightest. */
    private static String brightestCorner(int[] gray, int w, int h) {
        String best = null;
        double max = -1;
        for (String c : new String[] {"TOP_LEFT", "TOP_RIGHT", "BOTTOM_LEFT", "BOTTOM_RIGHT"}) {
            int x0 = c.endsWith("LEFT") ? 10 : w - 30;
            int y0 = c.startsWith("TOP") ? 10 : h - 30;
            double s = 0;
            for (int y = y0; y < y0 + 20; y++) {
                for (int x = x0; x < x0 + 20; x++) {
                    s += gray[y * w + x];
                }
            }
            if (s > max) {
                max = s;
                best = c;
            }
        }
        return best;
    }
}
