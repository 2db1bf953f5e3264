package io.github.colorize.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.BackendConfig;
import io.github.colorize.BackendUnavailableException;
import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.Colorizer;
import io.github.colorize.ModelCards;
import io.github.colorize.ModelException;
import io.github.colorize.internal.io.Sha256;
import io.github.colorize.model.BundledModel;
import io.github.colorize.spi.Availability;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DjlColorizerProviderTest {

    private final DjlColorizerProvider provider = new DjlColorizerProvider();

    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        ModelCards.unregister("chroma-half");
        ModelCards.unregister("chroma-fixed");
        ModelCards.unregister("chroma-single");
    }

    private static BufferedImage ramp(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = 20 + 200 * x / (w - 1);
                img.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return img;
    }

    private static ColorizeOptions options() {
        return ColorizeOptions.builder().renderFactor(8).watermark(false).build();
    }

    @Test
    void ranksBelowTheOnnxBackend() {
        assertThat(provider.name()).isEqualTo("djl");
        assertThat(provider.priority()).isEqualTo(200).isLessThan(300);
        assertThat(provider.implicitSelectionAllowed()).isTrue();
        assertThat(provider.artifact()).isEqualTo("io.github.colorize:colorize-djl");
    }

    @Test
    void availabilityNamesEngineAndBadSettings() {
        assertThat(provider.availability(BackendConfig.defaults()))
                .satisfies(a -> assertThat(a.available()).isTrue())
                .satisfies(a -> assertThat(a.reason()).contains("OnnxRuntime").contains("bundled"));
        assertThat(provider.availability(
                        BackendConfig.builder().set("engine", "pytorch").build()))
                .satisfies(a -> assertThat(a.reason()).contains("PyTorch"));
        Availability badEngine = provider.availability(
                BackendConfig.builder().set("engine", "mxnet").build());
        assertThat(badEngine.available()).isFalse();
        assertThat(badEngine.reason()).contains("engine must be");
        Availability badDevice =
                provider.availability(BackendConfig.builder().device("tpu").build());
        assertThat(badDevice.available()).isFalse();
        assertThat(badDevice.reason()).contains("device must be");
        assertThat(provider.availability(
                                BackendConfig.builder().set("threads", "0").build())
                        .available())
                .isFalse();
    }

    @Test
    void badSettingsFailCreateWithATypedError() {
        assertThatThrownBy(() -> provider.create(
                        BackendConfig.builder().set("engine", "mxnet").build()))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("mxnet");
        assertThatThrownBy(() ->
                        provider.create(BackendConfig.builder().device("tpu").build()))
                .isInstanceOf(BackendUnavailableException.class);
    }

    @Test
    void provenanceCarriesTheHashOfTheFileThatRan() {
        String onnxSha = Sha256.of(Fixtures.copyBundled(BundledModel.ONNX_FILE, dir));
        try (Colorizer c = provider.create(BackendConfig.builder().device("cpu").build())) {
            ColorizedImage out = c.colorize(ramp(64, 48), options());
            assertThat(out.provenance().modelSha256()).isEqualTo(onnxSha);
            assertThat(out.provenance().device()).isEqualTo("cpu");
            assertThat(out.provenance().backend()).isEqualTo("djl");
            assertThat(c.toString()).contains("djl").contains(ModelCards.bundledName());
        }
    }

    @Test
    void theOnnxRuntimeEngineIsSelfCheckedAtLoadAndAvailabilitySaysSo() {
        try (Colorizer c = provider.create(BackendConfig.builder().device("cpu").build())) {
            assertThat(c.colorize(ramp(64, 48), options()).image()).isNotNull();
        }
        assertThat(provider.availability(BackendConfig.builder().device("cpu").build()))
                .satisfies(a -> assertThat(a.available()).isTrue())
                .satisfies(a -> assertThat(a.reason()).contains("convolution self-check passed"));
    }

    @Test
    void aTamperedCopyInDjlsCacheIsRefused() throws Exception {
        BackendConfig cpu = BackendConfig.builder().device("cpu").build();
        provider.create(cpu).close();
        byte[] bundled = Files.readAllBytes(Fixtures.copyBundled(BundledModel.ONNX_FILE, dir));
        Path cache = Path.of(System.getProperty("DJL_CACHE_DIR"));
        List<Path> copies = new ArrayList<>();
        try (Stream<Path> s = Files.walk(cache)) {
            for (Path p : s.filter(p -> p.getFileName().toString().equals(BundledModel.ONNX_FILE))
                    .toList()) {
                if (Arrays.equals(Files.readAllBytes(p), bundled)) {
                    copies.add(p);
                }
            }
        }
        assertThat(copies)
                .as("DJL's copies of the bundled graph under %s", cache)
                .isNotEmpty();
        try {
            // Another valid graph of the same contract: what a stale copy of an older model looks like.
            byte[] other = Files.readAllBytes(Fixtures.copy(Fixtures.CHROMA_FP32, dir));
            for (Path copy : copies) {
                Files.write(copy, other);
            }
            assertThatThrownBy(() -> provider.create(cpu))
                    .isInstanceOf(ModelException.class)
                    .hasMessageContaining("cached copy")
                    .hasMessageContaining("delete");
        } finally {
            for (Path copy : copies) {
                Files.write(copy, bundled);
            }
        }
    }

    @Test
    void aGraphThatBreaksItsCardFailsAtLoadNamingBoth() {
        Path onnx = Fixtures.copyBundled(BundledModel.ONNX_FILE, dir);
        assertThatThrownBy(() -> provider.create(BackendConfig.builder()
                        .model(onnx.toString())
                        .set("card", "eccv16")
                        .device("cpu")
                        .build()))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("eccv16")
                .hasMessageContaining(onnx.toString())
                .hasMessageContaining("[l]");
    }

    @Test
    void aNonGraphFileIsAModelError() throws Exception {
        Path junk = java.nio.file.Files.writeString(dir.resolve("colorize-compact-v2.onnx"), "not a graph");
        assertThatThrownBy(() -> provider.create(BackendConfig.builder()
                        .model(junk.toString())
                        .device("cpu")
                        .build()))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(junk.toString());
    }

    @Test
    void float16GraphsAreFedAndReadInHalves() {
        Path half = Fixtures.copy(Fixtures.CHROMA_FP16, dir);
        Path single = Fixtures.copy(Fixtures.CHROMA_FP32, dir);
        Path halfCard = Fixtures.chromaCard("chroma-half", half, "dtype=FLOAT16");
        Path singleCard = Fixtures.chromaCard("chroma-single", single);
        BufferedImage img = ramp(96, 64);
        int[] h;
        int[] s;
        try (Colorizer c = provider.create(
                BackendConfig.builder().model(halfCard.toString()).device("cpu").build())) {
            h = argb(c.colorize(img, options()).image());
        }
        try (Colorizer c = provider.create(BackendConfig.builder()
                .model(singleCard.toString())
                .device("cpu")
                .build())) {
            s = argb(c.colorize(img, options()).image());
        }
        int worst = 0;
        int spread = 0;
        for (int i = 0; i < h.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                worst = Math.max(worst, Math.abs(((h[i] >> shift) & 0xFF) - ((s[i] >> shift) & 0xFF)));
            }
            spread = Math.max(spread, Math.abs(((s[i] >> 16) & 0xFF) - (s[i] & 0xFF)));
        }
        assertThat(spread).as("the graph adds colour").isGreaterThan(10);
        assertThat(worst).as("float16 vs float32, 8-bit levels").isLessThanOrEqualTo(1);
    }

    @Test
    void aFixedSizeGraphRunsAtItsSize() {
        Path fixed = Fixtures.copy(Fixtures.CHROMA_FIXED, dir);
        Path card = Fixtures.chromaCard("chroma-fixed", fixed);
        try (Colorizer c = provider.create(
                BackendConfig.builder().model(card.toString()).device("cpu").build())) {
            ColorizedImage out = c.colorize(
                    ramp(300, 200), ColorizeOptions.builder().watermark(false).build());
            assertThat(out.image().getWidth()).isEqualTo(300);
            assertThat(out.provenance().renderFactor()).isEqualTo(8);
        }
    }

    private static int[] argb(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
