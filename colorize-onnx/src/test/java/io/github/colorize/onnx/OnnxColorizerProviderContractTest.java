package io.github.colorize.onnx;

import io.github.colorize.BackendConfig;
import io.github.colorize.onnx.internal.OnnxGraphs;
import io.github.colorize.spi.ColorizerProvider;
import io.github.colorize.testkit.ColorizerProviderContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider contract on the bundled model's tensor contract (a tiny graph in its place), through
 * the real chroma pipeline and a card file, as a user would configure it.
 */
class OnnxColorizerProviderContractTest extends ColorizerProviderContract {

    @TempDir
    static Path models;

    private static Path card;

    @BeforeAll
    static void writeModel() throws IOException {
        OnnxGraphs.chroma().write(models.resolve("chroma-test.onnx"));
        card = Files.writeString(
                models.resolve("chroma-test.properties"),
                "name=chroma-test\nbase=colorize-compact-v2\nfile=chroma-test.onnx\n");
    }

    @Override
    protected ColorizerProvider newProvider() {
        return new OnnxColorizerProvider();
    }

    @Override
    protected BackendConfig config() {
        return BackendConfig.builder()
                .model(card.toString())
                .device("cpu")
                .set(OnnxColorizerProvider.THREADS, "2")
                .build();
    }

    @Override
    protected Optional<BackendConfig> unusableConfig() {
        return Optional.of(BackendConfig.builder()
                .model(models.resolve("missing.onnx").toString())
                .build());
    }
}
