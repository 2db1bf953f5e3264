package io.github.colorize.onnx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.DownloadProgress;
import io.github.colorize.ModelCard;
import io.github.colorize.ModelCards;
import io.github.colorize.ModelSource;
import io.github.colorize.internal.backend.DeviceSpec;
import io.github.colorize.internal.model.ModelResolver;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxColorizerTest {

    @TempDir
    Path dir;

    private OnnxColorizer colorizer() {
        Path file = OnnxGraphs.chroma().write(dir.resolve("chroma.onnx"));
        ModelCard card = ModelCards.find(ModelCards.bundledName()).orElseThrow().withSource(ModelSource.file(file));
        OnnxModel model = OnnxModel.open(
                ModelResolver.defaults().resolve(card, DownloadProgress.NONE), DeviceSpec.parse("cpu"), 1);
        return new OnnxColorizer(model, new LumaTintBridge());
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
    void colourisesThroughTheSessionAndRecordsProvenance() {
        try (OnnxColorizer c = colorizer()) {
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
        try (OnnxColorizer c = colorizer()) {
            ColorizedImage out = c.colorize(gray(900, 700), ColorizeOptions.defaults());
            int def = ModelCards.find(ModelCards.bundledName()).orElseThrow().defaultRenderFactor();
            assertThat(out.provenance().renderFactor()).isBetween(7, def);
        }
    }

    @Test
    void closeWaitsForCallsInFlightThenRefusesNewOnes() throws Exception {
        OnnxColorizer c = colorizer();
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
