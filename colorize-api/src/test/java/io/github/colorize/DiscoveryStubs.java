package io.github.colorize;

import io.github.colorize.spi.Availability;
import io.github.colorize.spi.ColorizerProvider;

/**
 * Providers listed in the test-only {@code discovery/*} service files, for {@link
 * ColorizerRegistryDiscoveryTest}. They must be public with public no-argument constructors, as
 * {@link java.util.ServiceLoader} requires.
 */
public final class DiscoveryStubs {

    private DiscoveryStubs() {}

    /** A provider that loads and is available. */
    public static final class Good implements ColorizerProvider {
        /** Creates the provider. */
        public Good() {}

        @Override
        public String name() {
            return "good-stub";
        }

        @Override
        public int priority() {
            return 1;
        }

        @Override
        public Availability availability(BackendConfig config) {
            return Availability.available("always");
        }

        @Override
        public Colorizer create(BackendConfig config) {
            return new StubProvider.NamedColorizer(name());
        }
    }

    /** A provider whose constructor fails, as one with a missing native library might. */
    public static final class Broken implements ColorizerProvider {
        /** Fails. */
        public Broken() {
            throw new IllegalStateException("broken on purpose: native library missing");
        }

        @Override
        public String name() {
            return "broken-stub";
        }

        @Override
        public int priority() {
            return 1000;
        }

        @Override
        public Availability availability(BackendConfig config) {
            return Availability.available("never reached");
        }

        @Override
        public Colorizer create(BackendConfig config) {
            throw new IllegalStateException("never reached");
        }
    }
}
