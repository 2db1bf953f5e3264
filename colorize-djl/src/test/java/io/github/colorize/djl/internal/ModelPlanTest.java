package io.github.colorize.djl.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.BackendConfig;
import io.github.colorize.ModelCards;
import io.github.colorize.ModelException;
import io.github.colorize.ModelSource;
import io.github.colorize.djl.Fixtures;
import io.github.colorize.internal.io.Sha256;
import io.github.colorize.internal.model.BundledCard;
import io.github.colorize.internal.model.ModelResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPlanTest {

    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        ModelCards.unregister("plan-test");
    }

    private static BackendConfig config(String model, String engine) {
        BackendConfig.Builder b = BackendConfig.builder();
        if (model != null) {
            b.model(model);
        }
        if (engine != null) {
            b.set(EngineKind.SETTING, engine);
        }
        return b.build();
    }

    @Test
    void theBundledModelRunsItsOnnxGraphOnOnnxRuntimeByDefault() {
        ModelPlan plan = ModelPlan.of(BackendConfig.defaults());
        assertThat(plan.engine()).isEqualTo(EngineKind.ONNX_RUNTIME);
        assertThat(plan.card().name()).isEqualTo(ModelCards.bundledName());
        assertThat(plan.card().source().fileName()).isEqualTo(BundledCard.ONNX_FILE);
        assertThat(ModelPlan.expectedEngine(BackendConfig.defaults())).isEqualTo(EngineKind.ONNX_RUNTIME);
    }

    @Test
    void enginePytorchSwapsTheBundledGraphForItsTorchScriptExport() throws Exception {
        ModelPlan plan = ModelPlan.of(config(null, "pytorch"));
        assertThat(plan.engine()).isEqualTo(EngineKind.PYTORCH);
        assertThat(plan.card().name()).isEqualTo(ModelCards.bundledName());
        assertThat(plan.card().source())
                .isEqualTo(ModelSource.resource(BundledCard.DIRECTORY + BundledCard.TORCHSCRIPT_FILE));
        // The card's hash is the TorchScript file's when the bundled card gives it, never the ONNX one.
        String actual = Sha256.of(Fixtures.copyBundled(BundledCard.TORCHSCRIPT_FILE, dir));
        Optional<Properties> card = BundledCard.readProperties(ModelResolver.defaults());
        if (card.isPresent()) {
            Properties p = card.get();
            assertThat(plan.card().sha256()).isEqualTo(p.getProperty("torchscript.sha256"));
            assertThat(plan.card().sha256()).isEqualTo(actual);
        } else {
            assertThat(plan.card().expectedSha256()).isEmpty();
        }
        assertThat(ModelPlan.problem(config(null, "pytorch"), ModelResolver.defaults()))
                .isEmpty();
        assertThat(ModelPlan.expectedEngine(config(null, "pytorch"))).isEqualTo(EngineKind.PYTORCH);
    }

    @Test
    void aTorchScriptFileRunsOnPyTorchAndFollowsItsOnnxTwinsCard() {
        Path ts = Fixtures.copyBundled(BundledCard.TORCHSCRIPT_FILE, dir);
        ModelPlan plan = ModelPlan.of(config(ts.toString(), null));
        assertThat(plan.engine()).isEqualTo(EngineKind.PYTORCH);
        assertThat(plan.card().name()).isEqualTo(ModelCards.bundledName());
        assertThat(plan.card().source()).isEqualTo(ModelSource.file(ts.toAbsolutePath()));
        assertThat(ModelPlan.expectedEngine(config(ts.toString(), null))).isEqualTo(EngineKind.PYTORCH);
    }

    @Test
    void aSignedUrlIsJudgedByItsPathNotItsQuery() {
        String sha = "0".repeat(64);
        assertThat(ModelPlan.expectedEngine(BackendConfig.builder()
                        .model("https://example.org/models/m.pt?sig=abc&expires=1.onnx")
                        .set("sha256", sha)
                        .build()))
                .isEqualTo(EngineKind.PYTORCH);
        assertThat(ModelPlan.expectedEngine(BackendConfig.builder()
                        .model("https://example.org/models/m.onnx?download=m.pt")
                        .set("sha256", sha)
                        .build()))
                .isEqualTo(EngineKind.ONNX_RUNTIME);
    }

    @Test
    void aFileWithoutAKnownExtensionIsRecognisedByItsContent() throws Exception {
        Path ts = Files.move(
                Fixtures.copyBundled(BundledCard.TORCHSCRIPT_FILE, dir), dir.resolve("colorize-compact-v2.model"));
        ModelPlan plan = ModelPlan.of(BackendConfig.builder()
                .model(ts.toString())
                .set("card", ModelCards.bundledName())
                .build());
        assertThat(plan.engine()).isEqualTo(EngineKind.PYTORCH);
    }

    @Test
    void aFileOnTheWrongEngineIsRefusedWithWhatToDo() {
        Path onnx = Fixtures.copy(Fixtures.CHROMA_FP32, dir);
        Path card = Fixtures.chromaCard("plan-test", onnx);
        assertThatThrownBy(() -> ModelPlan.of(config(card.toString(), "pytorch")))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("plan-test")
                .hasMessageContaining("chroma-fp32.onnx")
                .hasMessageContaining("TorchScript")
                .hasMessageContaining("engine=onnxruntime");

        Path ts = Fixtures.copyBundled(BundledCard.TORCHSCRIPT_FILE, dir);
        assertThatThrownBy(() -> ModelPlan.of(config(ts.toString(), "onnxruntime")))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("TorchScript file")
                .hasMessageContaining("engine=pytorch");
        assertThat(ModelPlan.problem(config("ddcolor-tiny", "pytorch"), ModelResolver.defaults()))
                .hasValueSatisfying(p -> assertThat(p).contains("ddcolor-tiny").contains("engine=onnxruntime"));
    }

    @Test
    void problemsAreReportedWithoutLoading() {
        ModelResolver resolver = ModelResolver.defaults();
        assertThat(ModelPlan.problem(BackendConfig.defaults(), resolver)).isEmpty();
        assertThat(ModelPlan.problem(config(null, "tensorflow"), resolver))
                .hasValueSatisfying(p -> assertThat(p).contains("engine must be"));
        assertThat(ModelPlan.problem(config(dir.resolve("missing.onnx").toString(), null), resolver))
                .hasValueSatisfying(p -> assertThat(p).contains("missing.onnx"));
        assertThat(ModelCards.find("plan-test")).isEmpty();
    }
}
