package io.github.colorize.onnx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.ColorizeException;
import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.DownloadProgress;
import io.github.colorize.ModelCard;
import io.github.colorize.ModelCards;
import io.github.colorize.ModelSource;
import io.github.colorize.internal.backend.DeviceSpec;
import io.github.colorize.internal.backend.GraphColorizer;
import io.github.colorize.internal.model.ModelResolver;
import io.github.colorize.internal.pipeline.Fidelity;
import io.github.colorize.internal.pipeline.Pipelines;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared {@link GraphColorizer} flow over ONNX Runtime sessions ({@link OnnxModel}). */
class OnnxColorizerTest {

    @TempDir
    Path dir;

    private GraphColorizer colorizer() {
        Path file = OnnxGraphs.chroma().write(dir.resolve("chroma.onnx"));
        ModelCard card = ModelCards.find(ModelCards.bundledName()).orElseThrow().withSource(ModelSource.file(file));
        OnnxModel model = OnnxModel.open(
                ModelResolver.defaults().resolve(card, DownloadProgress.NONE), DeviceSpec.parse("cpu"), 1);
        return new GraphColorizer("onnx", model, new LumaTintPipeline(), Fidelity.DEFAULT);
    }

    private static BufferedImage gray(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, (x * 255) / Math.max(1, w - 1));
            }
        }
        return img;
    }

    @Test
    void colorisesThroughTheSessionAndRecordsProvenance() {
        try (GraphColorizer c = colorizer()) {
            ColorizedImage out = c.colorize(
                    gray(200, 100), ColorizeOptions.builder().renderFactor(10).build());
            assertThat(out.image().getWidth()).isEqualTo(200);
            assertThat(out.image().getHeight()).isEqualTo(100);
            // Dark pixels: a = 60·l − 20 < 0, b = −40·l + 30 > 0, so blue above red on the left.
            int left = out.image().getRGB(2, 50);
            assertThat(left & 0xFF).isGreaterThan((left >> 16) & 0xFF);
            assertThat(out.provenance().backend()).isEqualTo("onnx");
            assertThat(out.provenance().model()).isEqualTo(ModelCards.bundledName());
            assertThat(out.provenance().device()).isEqualTo("cpu");
            assertThat(out.provenance().renderFactor()).isEqualTo(10);
            assertThat(out.provenance().modelSha256()).hasSize(64);
            assertThat(out.provenance().timings().inference()).isPositive();
        }
    }

    @Test
    void autoRenderFactorUsesTheCardDefaultForACleanLargePhoto() {
        try (GraphColorizer c = colorizer()) {
            ColorizedImage out = c.colorize(gray(900, 700), ColorizeOptions.defaults());
            int def = ModelCards.find(ModelCards.bundledName()).orElseThrow().defaultRenderFactor();
            assertThat(out.provenance().renderFactor()).isBetween(7, def);
        }
    }

    private GraphColorizer real(String cardName, OnnxGraphs graph, Fidelity fidelity) {
        Path file = graph.write(dir.resolve(cardName + ".onnx"));
        ModelCard card = ModelCards.find(cardName).orElseThrow().withSource(ModelSource.file(file));
        OnnxModel model = OnnxModel.open(
                ModelResolver.defaults().resolve(card, DownloadProgress.NONE), DeviceSpec.parse("cpu"), 1);
        return new GraphColorizer("onnx", model, Pipelines.forCard(model.card()), fidelity);
    }

    @Test
    void realChromaPipelineAtStrengthZeroGivesBackTheGrayPhoto() {
        try (GraphColorizer c = real(ModelCards.bundledName(), OnnxGraphs.chroma(), Fidelity.DEFAULT)) {
            BufferedImage photo = gray(160, 120);
            ColorizedImage out = c.colorize(
                    photo,
                    ColorizeOptions.builder().chromaStrength(0).renderFactor(8).build());
            for (int x = 0; x < 160; x += 7) {
                int g = photo.getRaster().getSample(x, 60, 0);
                int p = out.image().getRGB(x, 60);
                assertThat((p >> 8) & 0xFF).as("x=%d", x).isBetween(g - 1, g + 1);
                assertThat(p & 0xFF).isEqualTo((p >> 8) & 0xFF);
            }
            ColorizedImage colored =
                    c.colorize(photo, ColorizeOptions.builder().renderFactor(8).build());
            // Mid gray (L* 54, l 0.54): the graph predicts a* = 60·l − 20 ≈ 12, b* = −40·l + 30 ≈ 8, a warm tone.
            int p = colored.image().getRGB(80, 60);
            assertThat((p >> 16) & 0xFF).isGreaterThan(p & 0xFF);
        }
    }

    @Test
    void referenceFidelityRefusesAFactorAFixedGraphCannotRun() {
        try (GraphColorizer c = real("eccv16", OnnxGraphs.eccv16(), Fidelity.REFERENCE)) {
            assertThatThrownBy(() -> c.colorize(
                            gray(50, 40),
                            ColorizeOptions.builder().renderFactor(8).build()))
                    .isInstanceOf(ColorizeException.class)
                    .hasMessageContaining("eccv16")
                    .hasMessageContaining("256");
            ColorizedImage auto = c.colorize(gray(50, 40), ColorizeOptions.defaults());
            assertThat(auto.provenance().renderFactor()).isEqualTo(16);
        }
    }

    @Test
    void closeWaitsForCallsInFlightThenRefusesNewOnes() throws Exception {
        GraphColorizer c = colorizer();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Future<?>[] calls = new Future<?>[4];
            for (int i = 0; i < calls.length; i++) {
                calls[i] = pool.submit(() -> {
                    go.await();
                    try {
                        return c.colorize(
                                gray(300, 200),
                                ColorizeOptions.builder().renderFactor(12).build());
                    } catch (IllegalStateException closed) {
                        return null; // closed before this call started: the documented outcome
                    }
                });
            }
            go.countDown();
            c.close();
            for (Future<?> f : calls) {
                f.get(1, TimeUnit.MINUTES); // no call fails half-way with a native error
            }
            c.close();
            assertThatThrownBy(() -> c.colorize(gray(8, 8), ColorizeOptions.defaults()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        } finally {
            pool.shutdownNow();
        }
    }
}
