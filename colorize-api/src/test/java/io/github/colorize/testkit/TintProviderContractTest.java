package io.github.colorize.testkit;

import io.github.colorize.BackendConfig;
import io.github.colorize.spi.ColorizerProvider;
import java.util.Optional;

/** Runs the contract suite against a correct backend: every check must pass. */
class TintProviderContractTest extends ColorizerProviderContract {

    @Override
    protected ColorizerProvider newProvider() {
        return new TintProvider();
    }

    @Override
    protected BackendConfig config() {
        return BackendConfig.defaults();
    }

    @Override
    protected Optional<BackendConfig> unusableConfig() {
        return Optional.of(BackendConfig.builder().set("tint", "cold").build());
    }
}
