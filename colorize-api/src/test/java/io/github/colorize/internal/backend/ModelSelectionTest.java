package io.github.colorize.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.BackendConfig;
import io.github.colorize.ModelCard;
import io.github.colorize.ModelCards;
import io.github.colorize.ModelException;
import io.github.colorize.ModelSource;
import io.github.colorize.PipelineId;
import io.github.colorize.internal.model.ModelResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSelectionTest {

    private static final String SHA = "ab".repeat(32);

    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        ModelCards.unregister("my-card");
    }

    private static BackendConfig model(String m) {
        return BackendConfig.builder().model(m).build();
    }

    @Test
    void noSettingMeansTheBundledModel() {
        assertThat(ModelSelection.select(BackendConfig.defaults()).name()).isEqualTo(ModelCards.bundledName());
    }

    @Test
    void cardNamesAreLookedUp() {
        assertThat(ModelSelection.select(model("DDColor-Tiny")).name()).isEqualTo("ddcolor-tiny");
    }

    @Test
    void aBareOnnxFileFollowsTheCardWithItsFileNameOrTheNamedCard() throws Exception {
        Path artistic = Files.write(dir.resolve("ColorizeArtistic_dyn.onnx"), new byte[] {1});
        ModelCard c = ModelSelection.select(model(artistic.toString()));
        assertThat(c.name()).isEqualTo("deoldify-artistic");
        assertThat(c.source()).isEqualTo(ModelSource.file(artistic.toAbsolutePath()));

        Path other = Files.write(dir.resolve("mine.onnx"), new byte[] {1});
        assertThatThrownBy(() -> ModelSelection.select(model(other.toString())))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("card=");
        ModelCard named = ModelSelection.select(BackendConfig.builder()
                .model(other.toString())
                .set(ModelSelection.CARD, "ddcolor-tiny")
                .build());
        assertThat(named.pipeline()).isEqualTo(PipelineId.DDCOLOR);
    }

    @Test
    void aTorchScriptExportFollowsTheCardOfItsOnnxTwin() throws Exception {
        Path ts = Files.write(dir.resolve("ColorizeArtistic_dyn.torchscript.pt"), new byte[] {1});
        ModelCard c = ModelSelection.select(model(ts.toString()));
        assertThat(c.name()).isEqualTo("deoldify-artistic");
        assertThat(c.source()).isEqualTo(ModelSource.file(ts.toAbsolutePath()));
        assertThat(c.expectedSha256()).isEmpty();
    }

    @Test
    void stemsDropOnlyModelExtensions() {
        assertThat(ModelSelection.stem("x.torchscript.pt")).isEqualTo("x");
        assertThat(ModelSelection.stem("x.v2.ONNX")).isEqualTo("x.v2");
        assertThat(ModelSelection.stem("x.pth")).isEqualTo("x");
        assertThat(ModelSelection.stem("x.bin")).isEqualTo("x.bin");
        assertThat(ModelSelection.stem(".pt")).isEqualTo(".pt");
    }

    @Test
    void urlsNeedAHash() {
        String url = "https://example.org/models/ddcolor-tiny.onnx";
        assertThatThrownBy(() -> ModelSelection.select(model(url)))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("sha256");
        ModelCard c = ModelSelection.select(BackendConfig.builder()
                .model(url)
                .set(ModelSelection.SHA256, SHA)
                .build());
        assertThat(c.name()).isEqualTo("ddcolor-tiny");
        assertThat(c.sha256()).isEqualTo(SHA);
    }

    @Test
    void urlCredentialsNeverReachMessages() {
        String url = "https://user:pw@example.org/models/ddcolor-tiny.onnx?X-Amz-Signature=SECRET";
        BackendConfig config = BackendConfig.builder().model(url).build();
        assertThat(ModelSelection.printable(config)).isEqualTo("https://example.org/models/ddcolor-tiny.onnx?…");
        assertThat(ModelSelection.problem(config, ModelResolver.defaults()))
                .hasValueSatisfying(p -> assertThat(p).doesNotContain("SECRET").doesNotContain("pw"));
        assertThatThrownBy(() -> ModelSelection.select(config))
                .isInstanceOf(ModelException.class)
                .satisfies(
                        e -> assertThat(e.getMessage()).doesNotContain("SECRET").doesNotContain("pw"));
        BackendConfig malformed = BackendConfig.builder()
                .model("https://exa mple.org/x.onnx?SECRET")
                .set(ModelSelection.SHA256, SHA)
                .build();
        assertThatThrownBy(() -> ModelSelection.select(malformed))
                .isInstanceOf(ModelException.class)
                .satisfies(e -> assertThat(e.toString() + e.getCause()).doesNotContain("SECRET"));
    }

    @Test
    void cardFilesAreLoadedAndRegistered() throws Exception {
        Path card = dir.resolve("my.properties");
        Files.writeString(card, "name=my-card\nbase=ddcolor-tiny\nfile=x.onnx\n");
        assertThat(ModelSelection.select(model(card.toString())).name()).isEqualTo("my-card");
        assertThat(ModelCards.find("my-card")).isPresent();
    }

    @Test
    void problemsAreFoundWithoutLoadingAnything() throws Exception {
        ModelResolver resolver = ModelResolver.defaults();
        assertThat(ModelSelection.problem(model("/no/such/file.onnx"), resolver))
                .hasValueSatisfying(p -> assertThat(p).contains("neither a known card"));
        assertThat(ModelSelection.problem(model("deoldify-video"), resolver))
                .hasValueSatisfying(
                        p -> assertThat(p).contains("DeoldifyVideo_dyn.onnx").contains("instant-high"));
        Path card = Files.writeString(dir.resolve("c.json"), "{}");
        assertThat(ModelSelection.problem(model(card.toString()), resolver)).isEmpty();
        assertThat(ModelCards.find("my-card")).isEmpty();
        Path onnx = Files.write(dir.resolve("ddcolor-tiny.onnx"), new byte[] {1});
        assertThat(ModelSelection.problem(model(onnx.toString()), resolver)).isEmpty();
    }

    @Test
    void theMissingBundledModelIsNamedPlainly() {
        // The model files have not landed yet in colorize-model; once they have, the bundled card is usable.
        boolean present = ModelResolver.defaults()
                .findResource(((ModelSource.Resource) ModelCards.find(ModelCards.bundledName())
                                .orElseThrow()
                                .source())
                        .name())
                .isPresent();
        if (present) {
            assertThat(ModelSelection.problem(BackendConfig.defaults(), ModelResolver.defaults()))
                    .isEmpty();
        } else {
            assertThat(ModelSelection.problem(BackendConfig.defaults(), ModelResolver.defaults()))
                    .hasValueSatisfying(p -> assertThat(p).contains("colorize-model"));
        }
    }
}
