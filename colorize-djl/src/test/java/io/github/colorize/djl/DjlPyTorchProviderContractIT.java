package io.github.colorize.djl;

import io.github.colorize.BackendConfig;
import io.github.colorize.spi.ColorizerProvider;
import io.github.colorize.testkit.ColorizerProviderContract;
import java.util.Optional;

/** The provider contract on the bundled model's TorchScript export, run by DJL's PyTorch engine. */
class DjlPyTorchProviderContractIT extends ColorizerProviderContract {

    @Override
    protected ColorizerProvider newProvider() {
        return new DjlColorizerProvider();
    }

    @Override
    protected BackendConfig config() {
        return BackendConfig.builder().device("cpu").set("engine", "pytorch").build();
    }

    /** An ONNX-only card on the PyTorch engine: refused by availability and by create. */
    @Override
    protected Optional<BackendConfig> unusableConfig() {
        return Optional.of(BackendConfig.builder()
                .model("ddcolor-tiny")
                .set("engine", "pytorch")
                .build());
    }
}
