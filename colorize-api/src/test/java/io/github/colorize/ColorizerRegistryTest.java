package io.github.colorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.internal.discovery.ProviderScan;
import io.github.colorize.spi.Availability;
import io.github.colorize.spi.ColorizerProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The selection rules of {@link ColorizerRegistry}, with stub providers (no ServiceLoader). */
class ColorizerRegistryTest {

    private static final BackendConfig CONFIG = BackendConfig.defaults();

    private final StubProvider low = StubProvider.available("low", 10);
    private final StubProvider high = StubProvider.available("high", 100);
    private final StubProvider middle = StubProvider.available("middle", 50);

    @Test
    void explicitNameWinsOverPropertyEnvironmentAndPriority() {
        ColorizerRegistry registry = registry(
                List.of(low, high, middle),
                Map.of(Colorizers.BACKEND_PROPERTY, "middle"),
                Map.of(Colorizers.BACKEND_ENV, "high"));

        assertThat(registry.create("low", CONFIG).backend()).isEqualTo("low");
        assertThat(registry.create(low, CONFIG).backend()).isEqualTo("low");
    }

    @Test
    void systemPropertyBeatsEnvironmentBeatsPriority() {
        List<ColorizerProvider> all = List.of(low, high, middle);

        assertThat(registry(all, Map.of(Colorizers.BACKEND_PROPERTY, "low"), Map.of(Colorizers.BACKEND_ENV, "middle"))
                        .create(CONFIG)
                        .backend())
                .isEqualTo("low");
        assertThat(registry(all, Map.of(), Map.of(Colorizers.BACKEND_ENV, "middle"))
                        .create(CONFIG)
                        .backend())
                .isEqualTo("middle");
        assertThat(registry(all, Map.of(Colorizers.BACKEND_PROPERTY, "  "), Map.of())
                        .create(CONFIG)
                        .backend())
                .as("a blank property names nothing")
                .isEqualTo("high");
    }

    @Test
    void namesAreTrimmedAndCaseInsensitive() {
        ColorizerRegistry registry = ColorizerRegistry.of(List.of(low, high));

        assertThat(registry.create(" HIGH ", CONFIG).backend()).isEqualTo("high");
        assertThat(registry(List.of(low, high), Map.of(Colorizers.BACKEND_PROPERTY, "Low"), Map.of())
                        .create(CONFIG)
                        .backend())
                .isEqualTo("low");
    }

    @Test
    void unknownNameListsKnownNamesAndTheJar() {
        ColorizerRegistry registry = ColorizerRegistry.of(List.of(low, high));

        assertThatThrownBy(() -> registry.create("onnx", CONFIG))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("no backend named 'onnx'")
                .hasMessageContaining("[high, low]")
                .hasMessageContaining("io.github.colorize:colorize-onnx")
                .satisfies(e ->
                        assertThat(((BackendUnavailableException) e).backend()).isEqualTo("onnx"));
    }

    @Test
    void unavailableNamedBackendIsAnErrorNeverAFallback() {
        StubProvider gpu = StubProvider.unavailable("gpu", 500, "no CUDA device found");
        List<ColorizerProvider> all = List.of(gpu, low);

        assertThatThrownBy(() -> ColorizerRegistry.of(all).create("gpu", CONFIG))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("'gpu' is unavailable: no CUDA device found");
        assertThatThrownBy(() -> registry(all, Map.of(), Map.of(Colorizers.BACKEND_ENV, "gpu"))
                        .create(CONFIG))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("no CUDA device found");
        assertThat(low.creates).hasValue(0);
        assertThat(gpu.creates).hasValue(0);
    }

    @Test
    void implicitSelectionSkipsProvidersThatMustBeNamed() {
        StubProvider remote = StubProvider.available("remote", 1000).onlyWhenNamed();
        ColorizerRegistry registry = ColorizerRegistry.of(List.of(remote, low));

        assertThat(registry.create(CONFIG).backend()).isEqualTo("low");
        assertThat(registry.create("remote", CONFIG).backend())
                .as("named, it is used")
                .isEqualTo("remote");
        assertThat(remote.creates).hasValue(1);
    }

    @Test
    void noBackendListsEveryProviderWithItsReasonAndTheJarHint() {
        StubProvider gpu = StubProvider.unavailable("gpu", 500, "no CUDA device found");
        StubProvider remote = StubProvider.available("remote", 1000).onlyWhenNamed();

        assertThatThrownBy(() -> ColorizerRegistry.of(List.of(gpu, remote)).create(CONFIG))
                .isInstanceOf(NoBackendException.class)
                .hasMessageContaining("gpu (priority 500): unavailable - no CUDA device found")
                .hasMessageContaining("remote (priority 1000, only when named): available")
                .hasMessageContaining("colorize-onnx");
        assertThatThrownBy(() -> ColorizerRegistry.of(List.of()).create(CONFIG))
                .isInstanceOf(NoBackendException.class)
                .hasMessageContaining("No backend is on the class path")
                .hasMessageContaining("io.github.colorize:colorize-onnx");
    }

    @Test
    void duplicateNamesAreReportedAndRefused() {
        StubProvider first = StubProvider.available("twin", 100);
        StubProvider second = StubProvider.available("TWIN", 90);
        ColorizerRegistry registry = ColorizerRegistry.of(List.of(first, second, low));

        assertThatThrownBy(() -> registry.create("twin", CONFIG))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("provided by several jars");
        assertThat(registry.describe(CONFIG))
                .filteredOn(i -> i.name().equals("twin"))
                .hasSize(2)
                .allSatisfy(i -> {
                    assertThat(i.available()).isFalse();
                    assertThat(i.reason()).contains("duplicate backend name 'twin'");
                });
        assertThat(registry.create(CONFIG).backend())
                .as("implicit selection skips both")
                .isEqualTo("low");
        assertThat(ProviderScan.of(List.of(first, second)).problems())
                .singleElement()
                .asString()
                .contains("duplicate backend name 'twin'");
    }

    @Test
    void providersWhoseMethodsThrowDoNotHideOthers() {
        StubProvider badName = StubProvider.available("bad-name", 900).failingIn("name");
        StubProvider badCheck = StubProvider.available("bad-check", 800).failingIn("availability");
        ColorizerRegistry registry = ColorizerRegistry.of(List.of(badName, badCheck, low));

        assertThat(registry.create(CONFIG).backend()).isEqualTo("low");
        List<BackendInfo> infos = registry.describe(CONFIG);
        assertThat(infos).extracting(BackendInfo::name).contains("bad-check", "low");
        assertThat(infos)
                .filteredOn(i -> i.name().equals("bad-check"))
                .singleElement()
                .satisfies(i -> assertThat(i.reason())
                        .contains("availability check failed")
                        .contains("exploded"));
        assertThat(infos)
                .filteredOn(i -> i.providerClass().equals(StubProvider.class.getName())
                        && i.name().startsWith("?"))
                .hasSize(1);
    }

    @Test
    void aProviderFailingToStartIsNamedAndImplicitSelectionMovesOn() {
        StubProvider broken = StubProvider.available("broken", 900).failingIn("create");
        ColorizerRegistry registry = ColorizerRegistry.of(List.of(broken, low));

        assertThatThrownBy(() -> registry.create("broken", CONFIG))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("'broken' failed to start")
                .hasMessageContaining("create exploded");
        assertThat(registry.create(CONFIG).backend()).isEqualTo("low");
    }

    @Test
    void providerInstancesPassedDirectlyAreStillChecked() {
        StubProvider gpu = StubProvider.unavailable("gpu", 1, "no CUDA device found");
        ColorizerProvider silent = new ColorizerProvider() {
            @Override
            public String name() {
                return "silent";
            }

            @Override
            public int priority() {
                return 1;
            }

            @Override
            public Availability availability(BackendConfig config) {
                return null;
            }

            @Override
            public Colorizer create(BackendConfig config) {
                return new StubProvider.NamedColorizer("silent");
            }
        };

        assertThatThrownBy(() -> ColorizerRegistry.of(List.of()).create(gpu, CONFIG))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("no CUDA device found");
        assertThatThrownBy(() -> ColorizerRegistry.of(List.of()).create(silent, CONFIG))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("provider returned no availability");
    }

    @Test
    void describeSortsByPriorityThenName() {
        StubProvider alsoHigh = StubProvider.available("also-high", 100);

        assertThat(ColorizerRegistry.of(List.of(low, high, middle, alsoHigh)).describe(CONFIG))
                .extracting(BackendInfo::name)
                .containsExactly("also-high", "high", "middle", "low");
    }

    @Test
    void createdColorizersDrawThePaletteMarkThroughTheRegistryWrapper() {
        Colorizer created = ColorizerRegistry.of(List.of(low)).create(CONFIG);

        assertThat(created).isNotInstanceOf(StubProvider.NamedColorizer.class);
        assertThat(created.model()).isEqualTo("low-model");
    }

    private static ColorizerRegistry registry(
            List<? extends ColorizerProvider> providers, Map<String, String> properties, Map<String, String> env) {
        List<ColorizerProvider> copy = List.copyOf(providers);
        return new ColorizerRegistry(() -> ProviderScan.of(copy), properties::get, env::get);
    }
}
