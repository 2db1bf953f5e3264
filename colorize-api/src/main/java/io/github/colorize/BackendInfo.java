package io.github.colorize;

import java.util.Objects;

/**
 * What discovery found about one backend, as listed by {@link Colorizers#describe()} and {@code
 * colorize backends}. Immutable.
 *
 * @param name the backend name ({@code "?"} for a provider that failed to load)
 * @param priority its priority among implicit choices
 * @param implicitSelectionAllowed false for backends that are only used when named (remote ones)
 * @param available whether it can run here with the given config
 * @param reason why it is or is not available
 * @param artifact the Maven coordinates of its jar
 * @param providerClass the provider's class name, or the failing entry
 */
public record BackendInfo(
        String name,
        int priority,
        boolean implicitSelectionAllowed,
        boolean available,
        String reason,
        String artifact,
        String providerClass) {

    /** Validates the components. */
    public BackendInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(providerClass, "providerClass");
    }

    /**
     * One line for listings.
     *
     * @return for example {@code "onnx (priority 100): available - ONNX Runtime, bundled model"}
     */
    public String describe() {
        return name + " (priority " + priority + (implicitSelectionAllowed ? "" : ", only when named") + "): "
                + (available ? "available" : "unavailable") + " - " + reason;
    }
}
