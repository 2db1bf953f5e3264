package io.github.colorize.benchmarks;

import io.github.colorize.internal.image.OpenCvResize;
import io.github.colorize.internal.image.PillowResample;
import io.github.colorize.internal.image.PillowResample.Filter;
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
 * Shrinking the 12 MP benchmark picture to the 560×560 model input of DeOldify at render factor 35,
 * with the Pillow-exact resampler (compared with Pillow's C code by the Python baseline) and, for
 * reference, OpenCV's non-antialiased INTER_LINEAR. Sample-time mode: the report carries medians.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx3g"})
public class ResampleBenchmark {

    private static final int SIDE = 560;

    @Param({"BILINEAR", "BICUBIC"})
    public Filter filter;

    private int[] rgb;

    @Setup
    public void setUp() {
        rgb = BenchmarkImages.pseudoRandomRgb(BenchmarkImages.WIDTH, BenchmarkImages.HEIGHT);
    }

    @Benchmark
    public int[] pillowTo560() {
        return PillowResample.resizeRgb(rgb, BenchmarkImages.WIDTH, BenchmarkImages.HEIGHT, SIDE, SIDE, filter);
    }

    @Benchmark
    public int[] openCvLinearTo560() {
        return OpenCvResize.linearRgb8(rgb, BenchmarkImages.WIDTH, BenchmarkImages.HEIGHT, SIDE, SIDE);
    }
}
