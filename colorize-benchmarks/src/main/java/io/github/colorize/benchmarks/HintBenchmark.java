package io.github.colorize.benchmarks;

import io.github.colorize.ColorHints;
import io.github.colorize.PreparedPrediction;
import io.github.colorize.internal.image.PixelBuffers;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
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
 * The colour-hint correction step: one-shot ({@link ColorHints#applyTo}), what every hinted
 * colourisation adds after the backend, and on a kept prediction ({@link PreparedPrediction#render}),
 * what an editor pays per click. A smooth picture (gradients
 * and a few soft regions, little texture) so that the hints reach most pixels: the expensive case.
 * Goals (issue #16): under 0.5 s at 12 MP with 20 hints on 2 cores, under 50 ms at 2 MP.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx3g"})
public class HintBenchmark {

    /** Width x height: 12 MP and 2 MP. */
    @Param({"4000x3000", "1732x1155"})
    public String size;

    @Param({"20"})
    public int hints;

    private BufferedImage prediction;
    private PreparedPrediction prepared;
    private ColorHints colorHints;

    @Setup
    public void setUp() {
        String[] wh = size.split("x");
        int w = Integer.parseInt(wh[0]);
        int h = Integer.parseInt(wh[1]);
        int[] px = new int[w * h];
        SplittableRandom rnd = new SplittableRandom(16);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int region = (x * 3 / w) + (y * 2 / h);
                int r = 60 + 120 * x / w + region * 10;
                int g = 70 + 100 * y / h;
                int b = 90 + region * 20 + rnd.nextInt(3);
                px[y * w + x] = r << 16 | g << 8 | b;
            }
        }
        prediction = PixelBuffers.toImage(px, w, h);
        ColorHints.Builder builder = ColorHints.builder();
        for (int k = 0; k < hints; k++) {
            builder.point(rnd.nextInt(w), rnd.nextInt(h), 2, rnd.nextInt(0x1000000));
        }
        colorHints = builder.build();
        prepared = PreparedPrediction.of(prediction);
    }

    /** One-shot: what a hinted colourisation adds after the backend. */
    @Benchmark
    public BufferedImage correct() {
        return colorHints.applyTo(prediction);
    }

    /** On a kept prediction: what an editor pays per click. */
    @Benchmark
    public BufferedImage correctPrepared() {
        return prepared.render(colorHints);
    }
}
