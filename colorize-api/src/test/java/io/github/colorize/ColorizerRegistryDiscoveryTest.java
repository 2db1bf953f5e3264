package io.github.colorize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Discovery through {@link java.util.ServiceLoader} and real {@code META-INF/services} files. Runs in
 * the class-path Surefire execution only (tag {@code discovery}): on the module path, test classes
 * patched into the module cannot register providers through service files.
 *
 * <p>The service files live under {@code discovery/<case>/} rather than at the root of the test
 * resources, and each test loads them through its own class loader, so that no other test (nor any
 * module using this module's test-jar) discovers the stubs.
 */
@Tag("discovery")
class ColorizerRegistryDiscoveryTest {

    private static final BackendConfig CONFIG = BackendConfig.defaults();

    @Test
    void aProviderThatFailsToInstantiateIsReportedAndDoesNotHideOthers() throws IOException {
        try (URLClassLoader loader = loaderFor("good-and-broken")) {
            ColorizerRegistry registry = ColorizerRegistry.forClassLoader(loader);

            List<BackendInfo> infos = registry.describe(CONFIG);

            assertThat(infos)
                    .filteredOn(BackendInfo::available)
                    .extracting(BackendInfo::name)
                    .containsExactly("good-stub");
            assertThat(infos)
                    .filteredOn(i -> i.name().equals("?"))
                    .extracting(BackendInfo::reason)
                    .anySatisfy(
                            r -> assertThat(r).contains("DiscoveryStubs$Broken").contains("could not be instantiated"))
                    .anySatisfy(r ->
                            assertThat(r).contains("DiscoveryStubs$Missing").contains("not found"));
            assertThat(registry.create("good-stub", CONFIG).backend()).isEqualTo("good-stub");
        }
    }

    @Test
    void aMalformedServiceFileIsReportedOnce() throws IOException {
        try (URLClassLoader loader = loaderFor("malformed")) {
            List<BackendInfo> infos = ColorizerRegistry.forClassLoader(loader).describe(CONFIG);

            assertThat(infos)
                    .filteredOn(i -> i.name().equals("?"))
                    .singleElement()
                    .satisfies(i -> assertThat(i.reason()).contains("Illegal"));
        }
    }

    @Test
    void registriesAreCachedPerClassLoader() throws IOException {
        try (URLClassLoader a = loaderFor("good-and-broken");
                URLClassLoader b = loaderFor("good-and-broken")) {
            assertThat(ColorizerRegistry.forClassLoader(a)).isSameAs(ColorizerRegistry.forClassLoader(a));
            assertThat(ColorizerRegistry.forClassLoader(a)).isNotSameAs(ColorizerRegistry.forClassLoader(b));
        }
    }

    private static URLClassLoader loaderFor(String name) {
        URL dir = ColorizerRegistryDiscoveryTest.class.getResource("/discovery/" + name + "/");
        assertThat(dir).as("test resource folder discovery/%s", name).isNotNull();
        return new URLClassLoader(new URL[] {dir}, ColorizerRegistryDiscoveryTest.class.getClassLoader());
    }
}
