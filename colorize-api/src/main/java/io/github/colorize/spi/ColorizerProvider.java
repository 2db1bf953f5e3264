package io.github.colorize.spi;

import io.github.colorize.BackendConfig;
import io.github.colorize.Colorizer;

/**
 * A colourisation backend, found with {@link java.util.ServiceLoader}. Register an implementation with
 * {@code provides io.github.colorize.spi.ColorizerProvider with ...} in {@code module-info} and a
 * {@code META-INF/services/io.github.colorize.spi.ColorizerProvider} entry.
 *
 * <p>Implementations need a public no-argument constructor that does nothing heavy: no native
 * loading, no I/O, no network, no static initialisers with side effects. All heavy work happens in
 * {@link #create}. Implementations must be thread-safe. New methods are added to this interface with
 * default implementations only.
 */
public interface ColorizerProvider {

    /**
     * The stable, lower-case backend name used for selection ({@code "onnx"}, {@code "djl"}, {@code
     * "deepai"}). Never changes between releases.
     *
     * @return the name
     */
    String name();

    /**
     * The order among available backends when none is named: the highest wins.
     *
     * @return the priority
     */
    int priority();

    /**
     * Whether {@link #create} is expected to succeed with this config, and why. Must be cheap and free
     * of side effects: class-presence checks and config inspection only; no native loading, no file or
     * network I/O.
     *
     * @param config the settings
     * @return the availability and its reason
     */
    Availability availability(BackendConfig config);

    /**
     * Creates a colorizer, loading models and native code as needed. The caller owns the result and
     * must close it.
     *
     * @param config the settings
     * @return a ready colorizer
     * @throws io.github.colorize.ColorizeException if the backend cannot start
     */
    Colorizer create(BackendConfig config);

    /**
     * Whether the backend may be chosen when the caller did not name it. Backends that send photos off
     * the machine return false: uploading private photos must always be an explicit choice.
     *
     * @return true if implicit selection is allowed (the default)
     */
    default boolean implicitSelectionAllowed() {
        return true;
    }

    /**
     * The Maven coordinates of the jar that holds this provider, for error messages.
     *
     * @return {@code groupId:artifactId}
     */
    default String artifact() {
        return "io.github.colorize:colorize-" + name();
    }

    /**
     * A one-line description for listings.
     *
     * @return the description
     */
    default String description() {
        return name();
    }
}
