package io.github.colorize.djl.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.EngineProvider;
import io.github.colorize.djl.Fixtures;
import io.github.colorize.internal.model.BundledCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineKindTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "'', ",
        "auto, ",
        "AUTO, ",
        "onnxruntime, ONNX_RUNTIME",
        "onnx, ONNX_RUNTIME",
        " Ort , ONNX_RUNTIME",
        "pytorch, PYTORCH",
        "TorchScript, PYTORCH",
        "torch, PYTORCH"
    })
    void parsesTheSetting(String text, EngineKind expected) {
        assertThat(EngineKind.parse(text)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void rejectsOtherEnginesByName() {
        assertThatThrownBy(() -> EngineKind.parse("mxnet"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auto, onnxruntime or pytorch")
                .hasMessageContaining("mxnet");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "m.onnx, ONNX_RUNTIME",
        "M.ONNX, ONNX_RUNTIME",
        "m.torchscript.pt, PYTORCH",
        "m.pt, PYTORCH",
        "m.pth, PYTORCH",
        "m.torchscript, PYTORCH",
        "m.bin, ",
        "model, "
    })
    void fileNamesChooseTheEngine(String name, EngineKind expected) {
        assertThat(EngineKind.fromFileName(name)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void contentChoosesTheEngineWhenTheNameDoesNot() throws Exception {
        Path ts = Files.copy(Fixtures.copyBundled(BundledCard.TORCHSCRIPT_FILE, dir), dir.resolve("model-a.bin"));
        Path onnx = Files.copy(Fixtures.copy(Fixtures.CHROMA_FP32, dir), dir.resolve("model-b.bin"));
        Path empty = Files.write(dir.resolve("empty.bin"), new byte[0]);
        assertThat(EngineKind.fromContent(ts)).isEqualTo(EngineKind.PYTORCH);
        assertThat(EngineKind.fromContent(onnx)).isEqualTo(EngineKind.ONNX_RUNTIME);
        assertThat(EngineKind.fromContent(empty)).isEqualTo(EngineKind.ONNX_RUNTIME);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ONNX_RUNTIME", "PYTORCH"})
    void namesAndProviderClassesMatchDjl(EngineKind kind) throws Exception {
        // Instantiating an engine provider is cheap: DJL starts the engine only in getEngine().
        EngineProvider provider = (EngineProvider)
                Class.forName(kind.providerClass()).getConstructor().newInstance();
        assertThat(provider.getEngineName()).isEqualTo(kind.djlName());
    }
}
