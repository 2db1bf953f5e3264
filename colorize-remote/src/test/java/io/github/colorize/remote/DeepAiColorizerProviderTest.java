package io.github.colorize.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.BackendConfig;
import io.github.colorize.BackendUnavailableException;
import io.github.colorize.ColorizerRegistry;
import io.github.colorize.NoBackendException;
import io.github.colorize.spi.Availability;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeepAiColorizerProviderTest {

    private final FakeRuntime fake = new FakeRuntime();

    @Test
    void identity() {
        DeepAiColorizerProvider p = fake.provider();
        assertThat(p.name()).isEqualTo("deepai");
        assertThat(p.implicitSelectionAllowed()).isFalse();
        assertThat(p.artifact()).isEqualTo("io.github.colorize:colorize-remote");
        assertThat(p.description()).contains("uploads photos");
    }

    @Test
    void isFoundByDiscoveryButOnlyUsableWhenNamed() {
        assertThat(ColorizerRegistry.forClassLoader(getClass().getClassLoader()).describe(BackendConfig.defaults()))
                .filteredOn(info -> info.name().equals("deepai"))
                .singleElement()
                .satisfies(info -> {
                    assertThat(info.implicitSelectionAllowed()).isFalse();
                    assertThat(info.providerClass()).isEqualTo(DeepAiColorizerProvider.class.getName());
                });
    }

    @Test
    void withoutAKeyItIsUnavailableAndSaysWhereToPutOne() {
        Availability a = fake.provider().availability(BackendConfig.defaults());
        assertThat(a.available()).isFalse();
        assertThat(a.reason())
                .contains("no API key")
                .contains("DEEPAI_API_KEY")
                .contains("DL_API_KEY")
                .contains("api.deepai.org");
    }

    @Test
    void withAKeyItIsAvailableOnlyWhenNamed() {
        fake.env.put("DL_API_KEY", "legacy-secret-key");
        Availability a = fake.provider()
                .availability(BackendConfig.builder()
                        .set("baseUrl", "https://eu.example.org")
                        .build());
        assertThat(a.available()).isTrue();
        assertThat(a.reason())
                .isEqualTo("only used when named; uploads photos to eu.example.org (API key from DL_API_KEY)");
    }

    @Test
    void aKeyGivenAsAPlainSettingCountsAsASecretKey() {
        Availability a = fake.provider()
                .availability(BackendConfig.builder().set("apiKey", "plain-123").build());
        assertThat(a.available()).isTrue();
        assertThat(a.reason()).doesNotContain("plain-123");
    }

    @Test
    void createWithoutAKeyIsAClearError() {
        assertThatThrownBy(() -> fake.provider().create(BackendConfig.defaults()))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("no API key")
                .hasMessageContaining("DEEPAI_API_KEY");
    }

    @Test
    void createWithABadSettingNamesIt() {
        fake.env.put("DEEPAI_API_KEY", "k");
        assertThatThrownBy(() -> fake.provider()
                        .create(BackendConfig.builder()
                                .set("maxRetries", "many")
                                .build()))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("deepai: setting 'maxRetries' is 'many'");
    }

    @Test
    void createWithATimeoutOkHttpCannotTakeNamesIt() {
        fake.env.put("DEEPAI_API_KEY", "k");
        for (String timeouts : new String[] {"read=1000000h", "connect=0s"}) {
            assertThatThrownBy(() -> fake.provider()
                            .create(BackendConfig.builder()
                                    .set("timeouts", timeouts)
                                    .build()))
                    .isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("deepai: setting 'timeouts.")
                    .hasMessageContaining("expected a duration from 1ms to 1h");
        }
    }

    @Test
    void aBaseUrlCarryingAKeyIsEchoedNeitherInTheListingNorInTheError() {
        fake.env.put("DEEPAI_API_KEY", "k");
        BackendConfig config = BackendConfig.builder()
                .set("baseUrl", "api.deepai.org/api/colorizer?api-key=SECRET-KEY-42")
                .build();
        assertThat(fake.provider().availability(config).reason())
                .contains("an invalid baseUrl")
                .doesNotContain("SECRET");
        assertThatThrownBy(() -> fake.provider().create(config))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("setting 'baseUrl'")
                .hasMessageNotContaining("SECRET")
                .cause()
                .hasMessageNotContaining("SECRET");
    }

    @Test
    void createOpensNoConnection() {
        fake.env.put("DEEPAI_API_KEY", "k");
        try (DeepAiColorizer c = fake.provider()
                .create(BackendConfig.builder()
                        .set("baseUrl", "https://unreachable.invalid")
                        .build())) {
            assertThat(c.model()).isEqualTo("DeepAI colorizer (the service's own model, at unreachable.invalid)");
            assertThat(c.toString()).contains("https://unreachable.invalid/");
        }
    }

    @Test
    void neverChosenImplicitlyEvenWithAKey() {
        fake.env.put("DEEPAI_API_KEY", "k");
        ColorizerRegistry registry = ColorizerRegistry.of(List.of(fake.provider()));
        assertThatThrownBy(registry::create).isInstanceOf(NoBackendException.class);
        try (var c = registry.create("deepai", BackendConfig.defaults())) {
            assertThat(c.backend()).isEqualTo("deepai");
        }
    }

    @Test
    void namedWithoutAKeyTheRegistryReportsTheReason() {
        ColorizerRegistry registry = ColorizerRegistry.of(List.of(fake.provider()));
        assertThatThrownBy(() -> registry.create("deepai", BackendConfig.defaults()))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("no API key");
    }
}
