package io.github.colorize.djl;

import io.github.colorize.BackendConfig;
import io.github.colorize.internal.backend.BackendSettings;
import io.github.colorize.spi.ColorizerProvider;
import io.github.colorize.testkit.ColorizerProviderContract;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The provider contract on the bundled model, run by DJL's OnnxRuntime engine, configured as a user
 * would (no model setting: the bundled model from the class path).
 */
class DjlColorizerProviderContractTest extends ColorizerProviderContract {

    @Override
    protected ColorizerProvider newProvider() {
        return new DjlColorizerProvider();
    }

    @Override
    protected BackendConfig config() {
        return BackendConfig.builder()
                .device("cpu")
                .set("engine", "onnxruntime")
                .set(BackendSettings.THREADS, "2")
                .build();
    }

    @Override
    protected Optional<BackendConfig> unusableConfig() {
        return Optional.of(BackendConfig.builder()
                .model(Path.of("target", "no-such-model.onnx").toAbsolutePath().toString())
                .build());
    }
}
