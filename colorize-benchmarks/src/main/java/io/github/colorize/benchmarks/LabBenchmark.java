package io.github.colorize.benchmarks;

import io.github.colorize.internal.color.Lab;
import io.github.colorize.internal.color.LabConverter;
import io.github.colorize.internal.color.LabVariant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * sRGB↔Lab on the 12 MP benchmark picture, per variant: forward, back, and the round trip that the
 * goal compares with scikit-image's {@code rgb2lab} + {@code lab2rgb}. Sample-time mode, so the
 * report carries the median (p0.50) of single calls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx3g"})
public class LabBenchmark {

    @Param({"EXACT", "SKIMAGE", "OPENCV"})
    public LabVariant variant;

    private LabConverter converter;
    private int[] rgb;
    private float[] l;
    private float[] a;
    private float[] b;

    @Setup
    public void setUp() {
        converter = Lab.converter(variant);
        rgb = BenchmarkImages.pseudoRandomRgb(BenchmarkImages.WIDTH, BenchmarkImages.HEIGHT);
        l = new float[rgb.length];
        a = new float[rgb.length];
        b = new float[rgb.length];
        converter.rgbToLab(rgb, l, a, b);
    }

    @Benchmark
    public float[] rgbToLab() {
        converter.rgbToLab(rgb, l, a, b);
        return l;
    }

    @Benchmark
    public int[] labToRgb() {
        return converter.labToRgb(l, a, b);
    }

    @Benchmark
    public int[] roundTrip() {
        converter.rgbToLab(rgb, l, a, b);
        return converter.labToRgb(l, a, b);
    }
}
