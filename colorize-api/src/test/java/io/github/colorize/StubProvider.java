package io.github.colorize;

import io.github.colorize.spi.Availability;
import io.github.colorize.spi.ColorizerProvider;
import java.awt.image.BufferedImage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A configurable provider for registry tests: name, priority, availability, implicit selection, and
 * failures of its own methods. Counts {@link #create} calls. Immutable apart from that counter.
 */
final class StubProvider implements ColorizerProvider {

    private final String name;
    private final int priority;
    private final Availability availability;
    private final boolean implicit;
    private final RuntimeException failure;
    private final String failingMethod;
    final AtomicInteger creates = new AtomicInteger();

    private StubProvider(
            String name,
            int priority,
            Availability availability,
            boolean implicit,
            String failingMethod,
            RuntimeException failure) {
        this.name = name;
        this.priority = priority;
        this.availability = availability;
        this.implicit = implicit;
        this.failingMethod = failingMethod;
        this.failure = failure;
    }

    static StubProvider available(String name, int priority) {
        return new StubProvider(name, priority, Availability.available(name + " ready"), true, "", null);
    }

    static StubProvider unavailable(String name, int priority, String reason) {
        return new StubProvider(name, priority, Availability.unavailable(reason), true, "", null);
    }

    /** The same provider, chosen only when named (as remote backends are). */
    StubProvider onlyWhenNamed() {
        return new StubProvider(name, priority, availability, false, failingMethod, failure);
    }

    /** The same provider whose method ({@code name}, {@code availability} or {@code create}) throws. */
    StubProvider failingIn(String method) {
        return new StubProvider(
                name, priority, availability, implicit, method, new IllegalStateException(method + " exploded"));
    }

    private void maybeFail(String method) {
        if (method.equals(failingMethod)) {
            throw failure;
        }
    }

    @Override
    public String name() {
        maybeFail("name");
        return name;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public Availability availability(BackendConfig config) {
        maybeFail("availability");
        return availability;
    }

    @Override
    public Colorizer create(BackendConfig config) {
        creates.incrementAndGet();
        maybeFail("create");
        return new NamedColorizer(name);
    }

    @Override
    public boolean implicitSelectionAllowed() {
        return implicit;
    }

    @Override
    public String toString() {
        return "StubProvider[" + name + "]";
    }

    /** Knows its backend name; the registry tests never colourise. */
    record NamedColorizer(String backend) implements Colorizer {
        @Override
        public String model() {
            return backend + "-model";
        }

        @Override
        public ColorizedImage colorize(BufferedImage image, ColorizeOptions options) {
            throw new UnsupportedOperationException("registry tests do not colourise");
        }

        @Override
        public void close() {}
    }
}
