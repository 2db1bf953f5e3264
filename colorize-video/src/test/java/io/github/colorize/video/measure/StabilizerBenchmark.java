package io.github.colorize.video.measure;

import io.github.colorize.ColorizeOptions;
import io.github.colorize.Colorizer;
import io.github.colorize.Colorizers;
import io.github.colorize.internal.image.PixelBuffers;
import io.github.colorize.video.internal.VideoSource;
import io.github.colorize.video.internal.stabilize.ChromaStabilizer;
import io.github.colorize.video.testing.VideoMetrics;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * How long {@link ChromaStabilizer#process} takes per frame on real footage, and what it gives: the
 * first frames of {@code vtest.avi}, made gray, colourised once with the bundled model (cached, since
 * the model takes about a second a frame and is not what is measured), then stabilised several times
 * over. Prints ms/frame per pass, PSNR and flicker with and without stabilisation, and a digest of
 * every stabilised frame, so that a change meant to be exact can be checked to be exact.
 *
 * <p>Not a test (timings on a shared machine are not pass/fail): run by hand, {@code
 * StabilizerBenchmark DATA_DIR CACHE_DIR [FRAMES [PASSES [MEMORY]]]}, on an otherwise idle machine if
 * the figures are to be compared. MEMORY is the stabiliser's history length ({@value
 * ChromaStabilizer#DEFAULT_MEMORY} by default), for comparing settings on the same cached frames.
 */
public final class StabilizerBenchmark {

    private StabilizerBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args DATA_DIR (holding vtest.avi), CACHE_DIR (for the colourised frames), FRAMES (100),
     *     PASSES (5), MEMORY (the stabiliser's default)
     */
    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        Path film = Path.of(args[0]).resolve("vtest.avi");
        Path cacheDir = Path.of(args[1]);
        int frames = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int passes = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int memory = args.length > 4 ? Integer.parseInt(args[4]) : ChromaStabilizer.DEFAULT_MEMORY;
        List<int[]> originals = new ArrayList<>();
        int w;
        int h;
        try (VideoSource src = VideoSource.open(film)) {
            w = src.facts().width();
            h = src.facts().height();
            VideoSource.Frame f;
            while (originals.size() < frames && (f = src.next((p, s) -> {})) != null) {
                originals.add(f.rgb());
            }
        }
        List<int[]> grays = originals.stream().map(VideoMeasurement::gray).toList();
        List<int[]> colors = colors(grays, w, h, cacheDir, originals.size());

        double[] msPerFrame = new double[passes];
        VideoMetrics raw = new VideoMetrics();
        VideoMetrics steady = new VideoMetrics();
        String digest = null;
        for (int pass = 0; pass < passes; pass++) {
            ChromaStabilizer stabilizer = new ChromaStabilizer(memory);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long nanos = 0;
            for (int i = 0; i < originals.size(); i++) {
                long t0 = System.nanoTime();
                int[] out = stabilizer.process(grays.get(i), colors.get(i), w, h);
                nanos += System.nanoTime() - t0;
                if (pass == passes - 1) {
                    raw.add(originals.get(i), colors.get(i));
                    steady.add(originals.get(i), out);
                }
                for (int p : out) {
                    sha.update((byte) (p >> 16));
                    sha.update((byte) (p >> 8));
                    sha.update((byte) p);
                }
            }
            msPerFrame[pass] = nanos / 1e6 / originals.size();
            String d = HexFormat.of().formatHex(sha.digest());
            if (digest != null && !digest.equals(d)) {
                throw new IllegalStateException("the stabiliser is not deterministic");
            }
            digest = d;
            System.out.printf(Locale.ROOT, "pass %d: %.1f ms/frame%n", pass + 1, msPerFrame[pass]);
        }
        double[] sorted = msPerFrame.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "vtest.avi, %d frames %dx%d, memory %d: stabilise %.1f ms/frame (median of %d passes, best %.1f)%n"
                        + "  without stabilisation: PSNR %.3f dB  flicker %.4f%n"
                        + "  with stabilisation:    PSNR %.3f dB  flicker %.4f%n"
                        + "  output digest %s%n",
                originals.size(),
                w,
                h,
                memory,
                sorted[passes / 2],
                passes,
                sorted[0],
                raw.psnr(),
                raw.flicker(),
                steady.psnr(),
                steady.flicker(),
                digest);
    }

    /**
     * The default model's colourisation of each frame, read from the cache or made and cached. The
     * cache file is named after the model, so that a new bundled model is not compared on its
     * predecessor's frames.
     */
    private static List<int[]> colors(List<int[]> grays, int w, int h, Path cacheDir, int frames) throws IOException {
        try (Colorizer colorizer = Colorizers.create()) {
            String model = colorizer.model().replaceAll("[^A-Za-z0-9._-]", "_");
            Path cache = cacheDir.resolve("vtest-" + frames + "-" + model + ".colour");
            if (Files.isRegularFile(cache)) {
                return read(cache, grays.size(), w * h);
            }
            System.out.println(
                    "colourising " + grays.size() + " frames with " + colorizer.model() + " (cached in " + cache + ")");
            ColorizeOptions options = ColorizeOptions.builder().watermark(false).build();
            List<int[]> out = new ArrayList<>();
            for (int[] g : grays) {
                out.add(PixelBuffers.rgb(colorizer
                        .colorize(PixelBuffers.toImage(g, w, h), options)
                        .image()));
            }
            write(cache, out);
            return out;
        }
    }

    private static List<int[]> read(Path cache, int frames, int pixels) throws IOException {
        List<int[]> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(cache);
                DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in, 1 << 20))) {
            for (int i = 0; i < frames; i++) {
                int[] px = new int[pixels];
                for (int j = 0; j < px.length; j++) {
                    px[j] = data.readInt();
                }
                out.add(px);
            }
        }
        return out;
    }

    private static void write(Path cache, List<int[]> frames) throws IOException {
        Files.createDirectories(cache.getParent());
        Path part = cache.resolveSibling(cache.getFileName() + ".part");
        try (OutputStream os = Files.newOutputStream(part);
                DataOutputStream data = new DataOutputStream(new java.io.BufferedOutputStream(os, 1 << 20))) {
            for (int[] px : frames) {
                for (int p : px) {
                    data.writeInt(p);
                }
            }
        }
        Files.move(part, cache, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
