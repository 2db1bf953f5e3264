package io.github.colorize.onnx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.colorize.BackendUnavailableException;
import io.github.colorize.DownloadProgress;
import io.github.colorize.ModelCard;
import io.github.colorize.ModelCards;
import io.github.colorize.ModelException;
import io.github.colorize.ModelSource;
import io.github.colorize.internal.backend.DeviceSpec;
import io.github.colorize.internal.model.ModelResolver;
import io.github.colorize.internal.model.ResolvedModel;
import io.github.colorize.internal.pipeline.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxModelTest {

    @TempDir
    Path dir;

    private ResolvedModel resolved(String card, OnnxGraphs graph) {
        Path file = graph.write(dir.resolve(card + ".onnx"));
        ModelCard c = ModelCards.find(card).orElseThrow().withSource(ModelSource.file(file));
        return ModelResolver.defaults().resolve(c, DownloadProgress.NONE);
    }

    private static Tensor filled(String name, float value, long... shape) {
        Tensor t = Tensor.zeros(name, shape);
        java.util.Arrays.fill(t.data(), value);
        return t;
    }

    @Test
    void runsTheChromaContractOnTheCpu() {
        try (OnnxModel m =
                OnnxModel.open(resolved(ModelCards.bundledName(), OnnxGraphs.chroma()), DeviceSpec.parse("cpu"), 1)) {
            Tensor out = m.run(Map.of("l", filled("l", 0.5f, 1, 1, 64, 96)));
            assertThat(out.shape()).containsExactly(1, 2, 16, 24);
            assertThat(out.data()[0]).isCloseTo(60 * 0.5f - 20, within(1e-4f));
            assertThat(out.data()[16 * 24]).isCloseTo(-40 * 0.5f + 30, within(1e-4f));
            assertThat(m.device()).isEqualTo("cpu");
            assertThat(m.fallbackReason()).isEmpty();
            assertThat(m.sha256()).hasSize(64);
        }
    }

    @Test
    void halfPrecisionGraphsGetNarrowedInputsAndWidenedOutputs() {
        try (OnnxModel m = OnnxModel.open(
                resolved("deoldify-artistic-fp16", OnnxGraphs.deoldify255(OnnxGraphs.FLOAT16)),
                DeviceSpec.parse("cpu"),
                1)) {
            Tensor out = m.run(Map.of("input", filled("input", 100f, 1, 3, 32, 32)));
            assertThat(out.shape()).containsExactly(1, 3, 32, 32);
            // 100·1.1+12 = 122, 100, 100·0.8-6 = 74, each within fp16 rounding of the products.
            assertThat(out.data()[0]).isCloseTo(122f, within(0.125f));
            assertThat(out.data()[32 * 32]).isEqualTo(100f);
            assertThat(out.data()[2 * 32 * 32]).isCloseTo(74f, within(0.125f));
        }
    }

    @Test
    void auxiliaryInputsLeftOutAreZeros() {
        try (OnnxModel m = OnnxModel.open(
                resolved("siggraph17-hints", OnnxGraphs.siggraph17Hints()), DeviceSpec.parse("cpu"), 1)) {
            Tensor out = m.run(Map.of("L", filled("L", 50f, 1, 1, 256, 256)));
            assertThat(out.data()[0]).isCloseTo(0.3f * 50 - 5, within(1e-4f));
            assertThat(out.data()[256 * 256]).isCloseTo(-0.2f * 50 + 20, within(1e-4f));
        }
    }

    @Test
    void aGraphFixedAtOneSizeFixesTheCard() {
        try (OnnxModel m = OnnxModel.open(
                resolved("deoldify-stable-raw", OnnxGraphs.deoldifyRaw(96)), DeviceSpec.parse("cpu"), 1)) {
            assertThat(m.card().sizing()).isEqualTo(ModelCard.Sizing.fixedSquare(96));
        }
    }

    @Test
    void aGraphThatBreaksItsCardIsRejectedNamingTheFile() {
        ResolvedModel wrong = resolved("eccv16", OnnxGraphs.chroma());
        assertThatThrownBy(() -> OnnxModel.open(wrong, DeviceSpec.parse("cpu"), 1))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("eccv16")
                .hasMessageContaining(wrong.file().toString());
    }

    @Test
    void garbageIsAModelErrorNotACrash() throws IOException {
        Path file = Files.write(dir.resolve("junk.onnx"), new byte[] {1, 2, 3, 4, 5});
        ResolvedModel junk = ModelResolver.defaults()
                .resolve(
                        ModelCards.find("ddcolor-tiny").orElseThrow().withSource(ModelSource.file(file)),
                        DownloadProgress.NONE);
        assertThatThrownBy(() -> OnnxModel.open(junk, DeviceSpec.parse("cpu"), 1))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("ddcolor-tiny")
                .hasMessageContaining("cannot be loaded");
    }

    @Test
    void autoFallsBackToTheCpuOnTheCpuBuildAndSaysWhy() {
        try (OnnxModel m =
                OnnxModel.open(resolved("ddcolor-tiny", OnnxGraphs.ddcolor()), DeviceSpec.parse("auto"), 1)) {
            assertThat(m.device()).isEqualTo("cpu");
            assertThat(m.fallbackReason()).hasValueSatisfying(r -> assertThat(r).contains("CPU-only"));
        }
    }

    @Test
    void explicitCudaOnTheCpuBuildIsATypedError() {
        ResolvedModel r = resolved("ddcolor-tiny", OnnxGraphs.ddcolor());
        assertThatThrownBy(() -> OnnxModel.open(r, DeviceSpec.parse("cuda:0"), 1))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("onnxruntime_gpu");
    }

    @Test
    void oneSessionServesManyThreads() throws Exception {
        try (OnnxModel m = OnnxModel.open(resolved("ddcolor-tiny", OnnxGraphs.ddcolor()), DeviceSpec.parse("cpu"), 2)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<float[]>> results = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    float v = i % 4 / 4f;
                    results.add(pool.submit(() -> m.run(Map.of("input", filled("input", v, 1, 3, 64, 64)))
                            .data()));
                }
                for (int i = 0; i < results.size(); i++) {
                    float v = i % 4 / 4f;
                    assertThat(results.get(i).get()[0]).isCloseTo(40 * v - 15, within(1e-4f));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
