package io.github.colorize.djl.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.DownloadProgress;
import io.github.colorize.ModelCard;
import io.github.colorize.ModelCards;
import io.github.colorize.ModelException;
import io.github.colorize.ModelSource;
import io.github.colorize.djl.Fixtures;
import io.github.colorize.internal.backend.DeviceSpec;
import io.github.colorize.internal.model.ModelResolver;
import io.github.colorize.internal.model.ResolvedModel;
import io.github.colorize.internal.pipeline.Tensor;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A graph loaded through {@link DjlModelLoader}, run directly with hand-made tensors. */
class DjlGraphTest {

    @TempDir
    Path dir;

    private DjlGraph load(String fixture) {
        ModelCard card = ModelCards.find(ModelCards.bundledName())
                .orElseThrow()
                .withSource(ModelSource.file(Fixtures.copy(fixture, dir)));
        ResolvedModel model = ModelResolver.defaults().resolve(card, DownloadProgress.NONE);
        return DjlModelLoader.load(EngineKind.ONNX_RUNTIME, model, DeviceSpec.parse("cpu"), 1)
                .graph();
    }

    private static Tensor l(int h, int w, float value) {
        float[] data = new float[h * w];
        java.util.Arrays.fill(data, value);
        return new Tensor("l", new long[] {1, 1, h, w}, data);
    }

    @Test
    void runsTheGraphAndReturnsTheCardsOutput() {
        try (DjlGraph g = load(Fixtures.CHROMA_FP32)) {
            Tensor out = g.run(Map.of("l", l(32, 64, 0.5f)));
            assertThat(out.name()).isEqualTo("ab");
            assertThat(out.shape()).containsExactly(1, 2, 8, 16);
            // The fixture: a = 40·pool(l) − 10, b = −20·pool(l) + 5.
            assertThat(out.data()[0]).isEqualTo(10f);
            assertThat(out.data()[8 * 16]).isEqualTo(-5f);
            assertThat(g.engine()).isEqualTo(EngineKind.ONNX_RUNTIME);
            assertThat(g.device()).isEqualTo("cpu");
            assertThat(g.sha256()).hasSize(64);
        }
    }

    @Test
    void aMissingInputIsNamed() {
        try (DjlGraph g = load(Fixtures.CHROMA_FP32)) {
            assertThatThrownBy(() -> g.run(Map.of("x", l(32, 32, 0f))))
                    .isInstanceOf(ModelException.class)
                    .hasMessageContaining("no tensor for input 'l'");
        }
    }

    @Test
    void aRuntimeRefusalNamesModelFileAndEngine() {
        try (DjlGraph g = load(Fixtures.CHROMA_FIXED)) {
            assertThat(g.card().sizing().kind()).isEqualTo(ModelCard.Sizing.Kind.FIXED_SQUARE);
            assertThatThrownBy(() -> g.run(Map.of("l", l(64, 64, 0f))))
                    .isInstanceOf(ModelException.class)
                    .hasMessageContaining(ModelCards.bundledName())
                    .hasMessageContaining(Fixtures.CHROMA_FIXED)
                    .hasMessageContaining("OnnxRuntime engine failed");
        }
    }

    @Test
    void float16GraphsTakeAndGiveFloat32Tensors() {
        ModelCard card = ModelCards.find(ModelCards.bundledName()).orElseThrow().toBuilder()
                .dtype(ModelCard.TensorType.FLOAT16)
                .source(ModelSource.file(Fixtures.copy(Fixtures.CHROMA_FP16, dir)))
                .sha256(null)
                .build();
        ResolvedModel model = ModelResolver.defaults().resolve(card, DownloadProgress.NONE);
        try (DjlGraph g = DjlModelLoader.load(EngineKind.ONNX_RUNTIME, model, DeviceSpec.parse("cpu"), 1)
                .graph()) {
            Tensor out = g.run(Map.of("l", l(32, 32, 0.25f)));
            assertThat(out.shape()).containsExactly(1, 2, 8, 8);
            assertThat(out.data()[0]).isEqualTo(0f);
            assertThat(out.data()[64]).isEqualTo(0f);
        }
    }
}
