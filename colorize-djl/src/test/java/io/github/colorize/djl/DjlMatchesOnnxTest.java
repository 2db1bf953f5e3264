package io.github.colorize.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.colorize.BackendConfig;
import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.Colorizer;
import io.github.colorize.Colorizers;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same ONNX model (the bundled one) through DJL's OnnxRuntime engine and through the {@code onnx}
 * backend gives the same 8-bit photo within one level: both run ONNX Runtime 1.29.0 with the same
 * session settings around the same shared pipeline. DJL is started first: the other order cannot work
 * in one JVM (see {@code OrtEnvironmentClashTest}). The palette mark stays off, so the façade's wrapper
 * around the {@code onnx} colorizer changes no pixel.
 */
class DjlMatchesOnnxTest {

    private static final BackendConfig SETTINGS =
            BackendConfig.builder().device("cpu").set("threads", "2").build();

    private static Colorizer djl;
    private static Colorizer onnx;
    private static int worst;

    @BeforeAll
    static void start() {
        djl = new DjlColorizerProvider().create(SETTINGS);
        // Through discovery: colorize-onnx is a test dependency, found like a user's runtime backend.
        Colorizers.reload();
        onnx = Colorizers.create("onnx", SETTINGS);
    }

    @AfterAll
    static void stop() {
        System.out.println("djl (OnnxRuntime engine) vs onnx backend: max |delta| = " + worst + " levels");
        if (djl != null) {
            djl.close();
        }
        if (onnx != null) {
            onnx.close();
        }
    }

    static Stream<Arguments> synthetic() {
        List<Long> seeds = TestPhotos.seeds(8, 2026);
        int[] factors = {8, 12, 17, 24, 30, 9, 21, 35};
        return java.util.stream.IntStream.range(0, seeds.size())
                .mapToObj(i -> Arguments.of(seeds.get(i), factors[i], i % 2 == 0 ? 1.0 : 1.6));
    }

    private static int compare(BufferedImage photo, ColorizeOptions options) {
        ColorizedImage a = djl.colorize(photo, options);
        ColorizedImage b = onnx.colorize(photo, options);
        assertThat(a.provenance().modelSha256()).isEqualTo(b.provenance().modelSha256());
        assertThat(a.provenance().renderFactor()).isEqualTo(b.provenance().renderFactor());
        int d = TestPhotos.maxDelta(a.image(), b.image());
        synchronized (DjlMatchesOnnxTest.class) {
            worst = Math.max(worst, d);
        }
        return d;
    }

    @ParameterizedTest(name = "seed {0}, factor {1}, strength {2}")
    @MethodSource("synthetic")
    void syntheticPhotosMatchWithinOneLevel(long seed, int factor, double strength) {
        ColorizeOptions options = ColorizeOptions.builder()
                .renderFactor(factor)
                .chromaStrength(strength)
                .watermark(false)
                .build();
        assertThat(compare(TestPhotos.synthetic(seed), options)).isLessThanOrEqualTo(1);
    }

    @Test
    void realOldPhotosMatchWithinOneLevel() {
        List<Path> photos = TestPhotos.oldPhotos(4);
        assumeTrue(!photos.isEmpty(), "no photos in " + TestPhotos.OLD_PHOTOS);
        for (Path p : photos) {
            ColorizeOptions options = ColorizeOptions.builder().watermark(false).build();
            assertThat(compare(TestPhotos.read(p), options))
                    .as(p.getFileName().toString())
                    .isLessThanOrEqualTo(1);
        }
    }
}
