package io.github.colorize.benchmarks.wholerun;

import io.github.colorize.BackendConfig;
import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.Colorizer;
import io.github.colorize.Colorizers;
import io.github.colorize.ImageReadOptions;
import io.github.colorize.Images;
import io.github.colorize.RenderFactor;
import io.github.colorize.SourceImage;
import io.github.colorize.Timings;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole-run benchmark: one photo file through the {@code onnx} backend as a user runs it —
 * decode, pre-processing, inference, post-processing (including the palette mark), encode — repeated,
 * with medians per stage, then the peak heap of one 24-megapixel run.
 *
 * <pre>
 * java -cp ... io.github.colorize.benchmarks.wholerun.WholeRunBenchmark
 *     [--model card-or-file] [--card name] [--photo file] [--megapixels 12] [--runs 7] [--warmup 2]
 *     [--render-factor auto|7..45] [--format jpg|png] [--threads N] [--data ../shared/data/old-photos]
 *     [--heap-megapixels 24]
 * </pre>
 *
 * Stage times come from the colorizer's own {@link Timings} (pre-processing, inference,
 * post-processing) and from timing {@link Images#readSource} and {@link ColorizedImage#save} around
 * it. Process CPU time (all threads, JIT and GC included) is reported next to the wall times, because
 * on a shared machine it is the figure that does not depend on what else runs. Peak heap: the heap memory pools' peak usage is reset after a full GC, one run is made, and the
 * sum of the pools' peaks is reported (an upper bound of the live heap at any instant, since the
 * pools need not peak together), next to the heap used right after that GC.
 */
public final class WholeRunBenchmark {

    private WholeRunBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args see the class comment
     * @throws Exception on any failure
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = parse(args);
        Path work = Path.of(a.getOrDefault("work", "colorize-benchmarks/target/wholerun"));
        Files.createDirectories(work);
        Path data = Path.of(a.getOrDefault("data", "../shared/data/old-photos"));
        double mp = Double.parseDouble(a.getOrDefault("megapixels", "12"));
        int runs = Integer.parseInt(a.getOrDefault("runs", "7"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "2"));
        String format = a.getOrDefault("format", "jpg");
        ColorizeOptions options = ColorizeOptions.builder()
                .renderFactor(RenderFactor.parse(a.getOrDefault("render-factor", "auto")))
                .build();
        BackendConfig.Builder cfg = BackendConfig.builder().device(a.getOrDefault("device", "cpu"));
        if (a.containsKey("model")) {
            cfg.model(a.get("model"));
        }
        if (a.containsKey("card")) {
            cfg.set("card", a.get("card"));
        }
        if (a.containsKey("threads")) {
            cfg.set("threads", a.get("threads"));
        }

        Path photo = a.containsKey("photo") ? Path.of(a.get("photo")) : photoOf(mp, data, work);
        try (Colorizer colorizer = Colorizers.create("onnx", cfg.build())) {
            System.out.printf(
                    Locale.ROOT,
                    "model %s, photo %s, %d runs after %d warm-up, options %s, %d processors, max heap %d MB%n",
                    colorizer.model(),
                    photo,
                    runs,
                    warmup,
                    options,
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            StageTimes times = new StageTimes();
            List<double[]> cpu = new ArrayList<>();
            Path out = work.resolve("out." + format);
            for (int i = 0; i < warmup + runs; i++) {
                double[] ms = once(colorizer, photo, options, out);
                if (i >= warmup) {
                    times.add(Arrays.copyOf(ms, StageTimes.STAGES.length));
                    cpu.add(Arrays.copyOfRange(ms, 6, 9));
                }
                System.out.printf(
                        Locale.ROOT,
                        "%s run %d (render factor %.0f): decode %.0f, pre %.0f, inference %.0f, post %.0f, encode %.0f"
                                + " ms; process CPU: decode %.0f, colorize %.0f, encode %.0f ms%n",
                        i < warmup ? "warm-up" : "timed",
                        i + 1,
                        ms[5],
                        ms[0],
                        ms[1],
                        ms[2],
                        ms[3],
                        ms[4],
                        ms[6],
                        ms[7],
                        ms[8]);
            }
            System.out.print(times.table());
            System.out.printf(
                    Locale.ROOT,
                    "process CPU time (all threads), median of runs: decode %.0f, colorize (pre + inference +"
                            + " post) %.0f, encode %.0f ms%n",
                    medianOf(cpu, 0),
                    medianOf(cpu, 1),
                    medianOf(cpu, 2));

            double heapMp = Double.parseDouble(a.getOrDefault("heap-megapixels", "24"));
            if (heapMp > 0) {
                Path big = photoOf(heapMp, data, work);
                long[] heap = peakHeap(colorizer, big, options, work.resolve("heap-out." + format));
                System.out.printf(
                        Locale.ROOT,
                        "peak heap for one %.0f-megapixel run: %d MB (sum of heap pool peaks; %d MB in use after GC"
                                + " before the run)%n",
                        heapMp,
                        heap[0] >> 20,
                        heap[1] >> 20);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "process CPU time of the whole benchmark: %.1f s in %.1f s of wall time%n",
                cpuNanos() / 1e9,
                ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
    }

    /** CPU time of this process, all threads (JIT and GC included), in nanoseconds. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double medianOf(List<double[]> rows, int column) {
        return StageTimes.median(rows.stream().mapToDouble(r -> r[column]).toArray());
    }

    private static Path photoOf(double megapixels, Path data, Path work) throws Exception {
        int w = (int) Math.round(Math.sqrt(megapixels * 1e6 * 4 / 3));
        int h = (int) Math.round(w * 3 / 4.0);
        Path target = work.resolve("photo-" + w + "x" + h + ".jpg");
        if (!Files.exists(target)) {
            BenchmarkPhoto.create(data, w, h, target);
        }
        return target;
    }

    /**
     * Milliseconds per stage in {@link StageTimes#STAGES} order, then the render factor used, then the
     * process CPU milliseconds of decode, colorize and encode.
     */
    private static double[] once(Colorizer colorizer, Path photo, ColorizeOptions options, Path out) throws Exception {
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        SourceImage source = Images.readSource(photo, ImageReadOptions.defaults());
        long t1 = System.nanoTime();
        long c1 = cpuNanos();
        ColorizedImage result = colorizer.colorize(source.image(), options);
        result = result.withProvenance(
                result.provenance().withSource(photo.getFileName().toString(), source.sha256()));
        long t2 = System.nanoTime();
        long c2 = cpuNanos();
        result.save(out);
        long t3 = System.nanoTime();
        long c3 = cpuNanos();
        Timings t = result.provenance().timings();
        double colorizeWall = (t2 - t1) / 1e6;
        double inside = t.total().toNanos() / 1e6;
        // Time spent inside colorize() but outside the three recorded stages counts as pre-processing.
        double pre = t.preprocess().toNanos() / 1e6 + Math.max(0, colorizeWall - inside);
        return new double[] {
            (t1 - t0) / 1e6,
            pre,
            t.inference().toNanos() / 1e6,
            t.postprocess().toNanos() / 1e6,
            (t3 - t2) / 1e6,
            result.provenance().renderFactor(),
            (c1 - c0) / 1e6,
            (c2 - c1) / 1e6,
            (c3 - c2) / 1e6
        };
    }

    private static long[] peakHeap(Colorizer colorizer, Path photo, ColorizeOptions options, Path out)
            throws Exception {
        System.gc();
        long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        once(colorizer, photo, options, out);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return new long[] {peak, before};
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", args));
            }
            m.put(args[i].substring(2), args[++i]);
        }
        return m;
    }
}
