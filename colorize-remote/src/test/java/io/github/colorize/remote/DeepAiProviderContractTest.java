package io.github.colorize.remote;

import io.github.colorize.BackendConfig;
import io.github.colorize.spi.ColorizerProvider;
import io.github.colorize.testkit.ColorizerProviderContract;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;

/**
 * The provider contract every backend owes its users, run against the {@code deepai} backend talking to
 * the emulated service on loopback. The key comes from the config; the environment is empty.
 */
class DeepAiProviderContractTest extends ColorizerProviderContract {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final FakeRuntime fake = new FakeRuntime();

    @BeforeEach
    void emulateTheService() {
        server.setDispatcher(new EmulatedDeepAi(MockDeepAi.KEY));
    }

    @Override
    protected ColorizerProvider newProvider() {
        return fake.provider();
    }

    /** Generous timeouts: the emulator decodes and re-encodes the contract's 12-megapixel photo. */
    @Override
    protected BackendConfig config() {
        return MockDeepAi.config(server)
                .set("timeouts", "connect=5s,read=120s,write=120s,call=5m")
                .apiKey(MockDeepAi.KEY)
                .build();
    }

    /** Everything right except the key, which is missing (and the environment holds none). */
    @Override
    protected Optional<BackendConfig> unusableConfig() {
        return Optional.of(MockDeepAi.config(server).build());
    }
}
