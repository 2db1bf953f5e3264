package io.github.colorize.onnx;

import io.github.colorize.BackendConfig;
import io.github.colorize.onnx.internal.OnnxGraphs;
import io.github.colorize.spi.ColorizerProvider;
import io.github.colorize.testkit.ColorizerProviderContract;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider contract on a half-precision DeOldify graph (0–255 contract, YUV transfer), named by
 * its built-in card's file name with device {@code auto}: fp16 conversion, the DeOldify pipeline and
 * the CPU fallback all take part.
 */
class OnnxFp16ProviderContractTest extends ColorizerProviderContract {

    @TempDir
    static Path models;

    private static Path graph;

    @BeforeAll
    static void writeModel() {
        graph = OnnxGraphs.deoldify255(OnnxGraphs.FLOAT16).write(models.resolve("ColorizeArtistic_dyn_fp16.onnx"));
    }

    @Override
    protected ColorizerProvider newProvider() {
        return new OnnxColorizerProvider();
    }

    @Override
    protected BackendConfig config() {
        return BackendConfig.builder().model(graph.toString()).device("auto").build();
    }

    @Override
    protected Optional<BackendConfig> unusableConfig() {
        return Optional.of(BackendConfig.builder()
                .model("deoldify-stable")
                .device("cuda:7")
                .build());
    }
}
