package io.github.colorize.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.colorize.BackendConfig;
import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.Colorizer;
import io.github.colorize.ModelException;
import io.github.colorize.internal.io.Sha256;
import io.github.colorize.model.BundledModel;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundled model's TorchScript export, run by DJL's PyTorch engine (libtorch 2.7.1, CPU), gives the
 * photo its ONNX graph gives on DJL's OnnxRuntime engine within two 8-bit levels: the two files come
 * from one trained network, and the engines differ only in float summation order.
 */
class TorchScriptMatchesOnnxIT {

    private static Colorizer torch;
    private static Colorizer ort;
    private static int worst;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        BackendConfig cpu = BackendConfig.builder().device("cpu").build();
        torch = new DjlColorizerProvider()
                .create(cpu.toBuilder().set("engine", "pytorch").build());
        ort = new DjlColorizerProvider()
                .create(cpu.toBuilder().set("engine", "onnxruntime").build());
    }

    @AfterAll
    static void stop() {
        System.out.println(
                "djl PyTorch engine (TorchScript) vs OnnxRuntime engine (ONNX): max |delta| = " + worst + " levels");
        if (torch != null) {
            torch.close();
        }
        if (ort != null) {
            ort.close();
        }
    }

    static Stream<Arguments> synthetic() {
        List<Long> seeds = TestPhotos.seeds(6, 1907);
        int[] factors = {8, 14, 20, 26, 33, 40};
        return IntStream.range(0, seeds.size()).mapToObj(i -> Arguments.of(seeds.get(i), factors[i]));
    }

    private static int compare(BufferedImage photo, ColorizeOptions options) {
        ColorizedImage t = torch.colorize(photo, options);
        ColorizedImage o = ort.colorize(photo, options);
        assertThat(t.provenance().renderFactor()).isEqualTo(o.provenance().renderFactor());
        int d = TestPhotos.maxDelta(t.image(), o.image());
        synchronized (TorchScriptMatchesOnnxIT.class) {
            worst = Math.max(worst, d);
        }
        return d;
    }

    @ParameterizedTest(name = "seed {0}, factor {1}")
    @MethodSource("synthetic")
    void syntheticPhotosMatchWithinTwoLevels(long seed, int factor) {
        ColorizeOptions options =
                ColorizeOptions.builder().renderFactor(factor).watermark(false).build();
        assertThat(compare(TestPhotos.synthetic(seed), options)).isLessThanOrEqualTo(2);
    }

    @Test
    void realOldPhotosMatchWithinTwoLevels() {
        List<Path> photos = TestPhotos.oldPhotos(6);
        assumeTrue(!photos.isEmpty(), "no photos in " + TestPhotos.OLD_PHOTOS);
        for (Path p : photos) {
            ColorizeOptions options = ColorizeOptions.builder().watermark(false).build();
            assertThat(compare(TestPhotos.read(p), options))
                    .as(p.getFileName().toString())
                    .isLessThanOrEqualTo(2);
        }
    }

    @Test
    void bothEnginesWereSelfCheckedAndAvailabilitySaysWhatWasFound() {
        BackendConfig cpu = BackendConfig.builder().device("cpu").build();
        for (String engine : List.of("pytorch", "onnxruntime")) {
            assertThat(new DjlColorizerProvider()
                            .availability(cpu.toBuilder().set("engine", engine).build())
                            .reason())
                    .as(engine)
                    .containsAnyOf("convolution self-check passed", "and the self-check now passes");
        }
    }

    @Test
    void provenanceRecordsTheTorchScriptFile() {
        String sha = Sha256.of(Fixtures.copyBundled(BundledModel.TORCHSCRIPT_FILE, dir));
        ColorizedImage out = torch.colorize(
                TestPhotos.synthetic(1),
                ColorizeOptions.builder().watermark(false).build());
        assertThat(out.provenance().modelSha256()).isEqualTo(sha);
        assertThat(out.provenance().backend()).isEqualTo("djl");
        assertThat(out.provenance().device()).isEqualTo("cpu");
    }

    @Test
    void aTorchScriptFileLoadsFromAPathWithItsEngineChosenByTheFile() {
        Path ts = Fixtures.copyBundled(BundledModel.TORCHSCRIPT_FILE, dir);
        BufferedImage photo = TestPhotos.synthetic(77);
        ColorizeOptions options =
                ColorizeOptions.builder().renderFactor(12).watermark(false).build();
        try (Colorizer fromFile = new DjlColorizerProvider()
                .create(BackendConfig.builder()
                        .model(ts.toString())
                        .device("cpu")
                        .build())) {
            assertThat(TestPhotos.maxDelta(
                            fromFile.colorize(photo, options).image(),
                            torch.colorize(photo, options).image()))
                    .isZero();
        }
    }

    @Test
    void aTorchScriptFileThatBreaksItsCardFailsAtLoad() {
        Path ts = Fixtures.copyBundled(BundledModel.TORCHSCRIPT_FILE, dir);
        assertThatThrownBy(() -> new DjlColorizerProvider()
                        .create(BackendConfig.builder()
                                .model(ts.toString())
                                .set("card", "ddcolor-tiny")
                                .device("cpu")
                                .build()))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("ddcolor-tiny")
                .hasMessageContaining(ts.toString())
                .hasMessageContaining("right card");
    }
}
