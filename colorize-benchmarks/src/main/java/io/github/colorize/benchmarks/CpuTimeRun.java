package io.github.colorize.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.github.colorize.internal.color.Lab;
import io.github.colorize.internal.color.LabConverter;
import io.github.colorize.internal.color.LabVariant;
import io.github.colorize.internal.image.PillowResample;
import io.github.colorize.internal.image.PillowResample.Filter;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A companion to the JMH benchmarks for a busy machine: times the same operations by process CPU
 * time (all threads) as well as wall time, median of N runs after warm-up, so the ratios against
 * {@code tools/bench/python_baseline.py} (which prints both too) do not depend on how many other
 * processes share the cores. Run: {@code java -cp colorize-benchmarks/target/benchmarks.jar
 * io.github.colorize.benchmarks.CpuTimeRun [runs]}. Not thread-safe; a command-line tool.
 */
public final class CpuTimeRun {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private CpuTimeRun() {}

    /**
     * Runs every measurement and prints one line each.
     *
     * @param args optional number of measured runs (default 7)
     */
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int w = BenchmarkImages.WIDTH;
        int h = BenchmarkImages.HEIGHT;
        int[] rgb = BenchmarkImages.pseudoRandomRgb(w, h);
        System.out.printf(
                Locale.ROOT, "cores %d, runs %d%n", Runtime.getRuntime().availableProcessors(), runs);
        for (LabVariant v : LabVariant.values()) {
            LabConverter c = Lab.converter(v);
            float[] l = new float[rgb.length];
            float[] a = new float[rgb.length];
            float[] b = new float[rgb.length];
            measure("lab " + v + " rgbToLab", runs, () -> {
                c.rgbToLab(rgb, l, a, b);
                return l;
            });
            measure("lab " + v + " labToRgb", runs, () -> c.labToRgb(l, a, b));
            measure("lab " + v + " roundTrip", runs, () -> {
                c.rgbToLab(rgb, l, a, b);
                return c.labToRgb(l, a, b);
            });
        }
        for (Filter f : Filter.values()) {
            measure("pillow " + f + " 560x560", runs * 3, () -> PillowResample.resizeRgb(rgb, w, h, 560, 560, f));
        }
    }

    private static void measure(String name, int runs, Supplier<Object> op) {
        for (int i = 0; i < 3; i++) {
            op.get(); // warm-up: JIT compilation
        }
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = OS.getProcessCpuTime();
            long t0 = System.nanoTime();
            Object out = op.get();
            wall[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (OS.getProcessCpuTime() - c0) / 1e6;
            if (out == null) {
                throw new AssertionError();
            }
        }
        System.out.printf(
                Locale.ROOT, "%-28s wall median %8.1f ms   cpu median %8.1f ms%n", name, median(wall), median(cpu));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
