package io.github.colorize.video.measure;

import io.github.colorize.ColorizeOptions;
import io.github.colorize.Colorizer;
import io.github.colorize.Colorizers;
import io.github.colorize.internal.color.PillowLuma;
import io.github.colorize.internal.image.PixelBuffers;
import io.github.colorize.video.VideoColorizer;
import io.github.colorize.video.VideoOptions;
import io.github.colorize.video.VideoResult;
import io.github.colorize.video.internal.VideoSource;
import io.github.colorize.video.internal.stabilize.ChromaStabilizer;
import io.github.colorize.video.testing.VideoMetrics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * The figures of issue 8 on real footage: a colour film made gray and colourised against its colour
 * original (PSNR, colourfulness, flicker, with and without stabilisation, from one colourisation of
 * each frame), and a black-and-white archival film colourised end to end (frames per second, cuts,
 * flicker against its own still pixels), with sample frames saved as PNG for looking at.
 *
 * <p>Run from {@code VideoMeasurementIT}, or directly: {@code VideoMeasurement DATA_DIR OUT_DIR
 * [MAX_FRAMES]}. Uses whatever backend {@link Colorizers#create()} picks (the bundled model by
 * default).
 */
public final class VideoMeasurement {

    /** Frames saved as PNG (input, unstabilised, stabilised). */
    private static final Set<Long> SAMPLES = Set.of(5L, 40L, 120L, 250L, 400L, 700L);

    private VideoMeasurement() {}

    /** Figures of one comparison. */
    public record Comparison(
            String name,
            boolean groundTruth,
            long frames,
            int width,
            int height,
            VideoMetrics raw,
            VideoMetrics steady,
            VideoMetrics reference,
            double coloriseSecondsPerFrame,
            double stabilizeSecondsPerFrame,
            List<Long> cuts) {

        /** @return PSNR lost by stabilising, in dB (negative: gained) */
        public double psnrLoss() {
            return raw.psnr() - steady.psnr();
        }

        /** @return flicker with stabilisation over flicker without */
        public double flickerRatio() {
            return steady.flicker() / raw.flicker();
        }

        /**
         * Prints the figures; PSNR only where there is a ground truth.
         *
         * @param out where to print
         */
        public void print(PrintStream out) {
            if (!groundTruth) {
                out.printf(
                        Locale.ROOT,
                        "%s: %d frames %dx%d (no ground truth: flicker against the input's still pixels)%n"
                                + "  without stabilisation: CF %.2f  flicker %.3f%n"
                                + "  with stabilisation:    CF %.2f  flicker %.3f  (%d cuts)%n"
                                + "  flicker ratio %.3f, still pixels %.0f%%%n"
                                + "  colourise %.3f s/frame, stabilise %.3f s/frame%n",
                        name,
                        frames,
                        width,
                        height,
                        raw.colorfulness(),
                        raw.flicker(),
                        steady.colorfulness(),
                        steady.flicker(),
                        cuts.size(),
                        flickerRatio(),
                        100 * raw.stillShare(),
                        coloriseSecondsPerFrame,
                        stabilizeSecondsPerFrame);
                out.println("  cuts at frames " + cuts);
                return;
            }
            out.printf(
                    Locale.ROOT,
                    "%s: %d frames %dx%d%n"
                            + "  without stabilisation: PSNR %.2f dB  CF %.2f  flicker %.3f%n"
                            + "  with stabilisation:    PSNR %.2f dB  CF %.2f  flicker %.3f  (%d cuts)%n"
                            + "  reference (original):            CF %.2f  flicker %.3f%n"
                            + "  PSNR loss %.3f dB, flicker ratio %.3f, still pixels %.0f%%%n"
                            + "  colourise %.3f s/frame, stabilise %.3f s/frame%n",
                    name,
                    frames,
                    width,
                    height,
                    raw.psnr(),
                    raw.colorfulness(),
                    raw.flicker(),
                    steady.psnr(),
                    steady.colorfulness(),
                    steady.flicker(),
                    cuts.size(),
                    reference.colorfulness(),
                    reference.flicker(),
                    psnrLoss(),
                    flickerRatio(),
                    100 * raw.stillShare(),
                    coloriseSecondsPerFrame,
                    stabilizeSecondsPerFrame);
        }
    }

    /**
     * Colourises every frame once (made gray first if {@code makeGray}), then measures the colorizer's
     * frames and the stabilised ones against the decoded original.
     *
     * @param colorizer the colorizer
     * @param film the film
     * @param makeGray whether to gray the frames first (for a colour film with ground truth)
     * @param maxFrames stop after this many frames (0: all)
     * @param samples where to save sample frames, or null
     * @return the figures
     */
    public static Comparison compare(Colorizer colorizer, Path film, boolean makeGray, long maxFrames, Path samples)
            throws IOException {
        ColorizeOptions options = ColorizeOptions.builder().watermark(false).build();
        ChromaStabilizer stabilizer = new ChromaStabilizer();
        VideoMetrics raw = new VideoMetrics();
        VideoMetrics steady = new VideoMetrics();
        VideoMetrics reference = new VideoMetrics();
        long colorNanos = 0;
        long stabilizeNanos = 0;
        List<Long> cuts = new ArrayList<>();
        String name = film.getFileName().toString();
        try (VideoSource src = VideoSource.open(film)) {
            int w = src.facts().width();
            int h = src.facts().height();
            VideoSource.Frame f;
            while ((f = src.next((p, s) -> {})) != null && (maxFrames <= 0 || f.index() < maxFrames)) {
                int[] original = f.rgb();
                int[] input = makeGray ? gray(original) : original;
                long t0 = System.nanoTime();
                int[] color = PixelBuffers.rgb(colorizer
                        .colorize(PixelBuffers.toImage(input, w, h), options)
                        .image());
                long t1 = System.nanoTime();
                int[] stable = stabilizer.process(input, color, w, h);
                long t2 = System.nanoTime();
                if (stabilizer.lastWasCut()) {
                    cuts.add(f.index());
                }
                colorNanos += t1 - t0;
                stabilizeNanos += t2 - t1;
                // Without ground truth, the input itself says which pixels do not change.
                raw.add(original, color);
                steady.add(original, stable);
                reference.add(original, original);
                if (samples != null && SAMPLES.contains(f.index())) {
                    save(samples, name, f.index(), "input", input, w, h);
                    save(samples, name, f.index(), "raw", color, w, h);
                    save(samples, name, f.index(), "stabilised", stable, w, h);
                    if (makeGray) {
                        save(samples, name, f.index(), "original", original, w, h);
                    }
                }
            }
            long n = raw.frames();
            return new Comparison(
                    name,
                    makeGray,
                    n,
                    w,
                    h,
                    raw,
                    steady,
                    reference,
                    colorNanos / 1e9 / n,
                    stabilizeNanos / 1e9 / n,
                    cuts);
        }
    }

    /**
     * Colourises a film end to end (decode, colourise, stabilise, mark, encode, mux) and reports the
     * job.
     */
    public static VideoResult endToEnd(Colorizer colorizer, Path film, Path out) throws IOException {
        return VideoColorizer.of(colorizer, VideoOptions.defaults()).colorize(film, out);
    }

    static int[] gray(int[] rgb) {
        int[] g = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            int v = PillowLuma.luma((p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF);
            g[i] = v << 16 | v << 8 | v;
        }
        return g;
    }

    private static void save(Path dir, String film, long index, String kind, int[] rgb, int w, int h)
            throws IOException {
        Files.createDirectories(dir);
        String stem = film.replaceAll("\\.[^.]+$", "");
        ImageIO.write(
                PixelBuffers.toImage(rgb, w, h),
                "png",
                dir.resolve(String.format(Locale.ROOT, "%s-%04d-%s.png", stem, index, kind))
                        .toFile());
    }

    /**
     * Runs both measurements.
     *
     * @param args DATA_DIR (holding vtest.avi and a-bomb_blast_effects_part.mp4), OUT_DIR, [MAX_FRAMES]
     */
    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]);
        Path out = Path.of(args[1]);
        long max = args.length > 2 ? Long.parseLong(args[2]) : 0;
        Files.createDirectories(out);
        try (Colorizer colorizer = Colorizers.create()) {
            System.out.println("backend " + colorizer.backend() + ", model " + colorizer.model());
            compare(colorizer, data.resolve("vtest.avi"), true, max, out).print(System.out);
            Path archival = data.resolve("a-bomb_blast_effects_part.mp4");
            compare(colorizer, archival, false, max, out).print(System.out);
            VideoResult r = endToEnd(colorizer, archival, out.resolve("a-bomb_blast_effects_part-colour.mp4"));
            System.out.printf(
                    Locale.ROOT,
                    "end to end %s: %d frames in %.1f s = %.2f fps, %d cuts, encoder %s%n",
                    archival.getFileName(),
                    r.frames(),
                    r.elapsed().toNanos() / 1e9,
                    r.framesPerSecond(),
                    r.sceneCuts(),
                    r.videoEncoder());
        }
    }
}
