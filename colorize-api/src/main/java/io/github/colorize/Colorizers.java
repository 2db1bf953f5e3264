package io.github.colorize;

import io.github.colorize.spi.ColorizerProvider;
import java.util.List;

/**
 * Finds backends on the class path or module path and creates {@link Colorizer}s: the entry point of
 * the library.
 *
 * <pre>{@code
 * try (Colorizer colorizer = Colorizers.create()) {
 *     colorizer.colorize(Path.of("grandma-1931.jpg"), ColorizeOptions.defaults())
 *             .save(Path.of("grandma-1931-colour.png"));
 * }
 * }</pre>
 *
 * <p><b>How a backend is chosen</b>, first match wins:
 *
 * <ol>
 *   <li>a provider instance or name passed explicitly;
 *   <li>the {@code colorize.backend} system property;
 *   <li>the {@code COLORIZE_BACKEND} environment variable;
 *   <li>the available provider with the highest {@linkplain ColorizerProvider#priority() priority},
 *       among those that allow implicit selection. Remote backends never do: they upload photos.
 * </ol>
 *
 * <p>A named backend that is unknown or unavailable is an error, never a silent fallback.
 *
 * <p>Discovery is lazy and cached per class loader (see {@link ColorizerRegistry}); nothing happens at
 * class initialisation. Thread-safe.
 */
public final class Colorizers {

    /** The system property naming the backend to use. */
    public static final String BACKEND_PROPERTY = "colorize.backend";
    /** The environment variable naming the backend to use. */
    public static final String BACKEND_ENV = "COLORIZE_BACKEND";

    private Colorizers() {}

    /**
     * Creates a colorizer with the chosen backend and its default settings.
     *
     * @return a colorizer; close it when done
     * @throws NoBackendException if no backend can be chosen
     * @throws BackendUnavailableException if the backend named by property or environment cannot run
     */
    public static Colorizer create() {
        return ColorizerRegistry.getDefault().create();
    }

    /**
     * Creates a colorizer with the chosen backend and these settings.
     *
     * @param config backend settings
     * @return a colorizer
     */
    public static Colorizer create(BackendConfig config) {
        return ColorizerRegistry.getDefault().create(config);
    }

    /**
     * Creates a colorizer with the named backend.
     *
     * @param backend the backend name, for example {@code "onnx"}
     * @return a colorizer
     * @throws BackendUnavailableException if the backend is unknown or cannot run
     */
    public static Colorizer create(String backend) {
        return ColorizerRegistry.getDefault().create(backend, BackendConfig.defaults());
    }

    /**
     * Creates a colorizer with the named backend and these settings.
     *
     * @param backend the backend name
     * @param config backend settings
     * @return a colorizer
     */
    public static Colorizer create(String backend, BackendConfig config) {
        return ColorizerRegistry.getDefault().create(backend, config);
    }

    /**
     * Creates a colorizer from a provider instance, bypassing discovery.
     *
     * @param provider the provider
     * @param config backend settings
     * @return a colorizer
     */
    public static Colorizer create(ColorizerProvider provider, BackendConfig config) {
        return ColorizerRegistry.getDefault().create(provider, config);
    }

    /**
     * Every provider found, with its priority and why it is or is not available.
     *
     * @return the list, highest priority first
     */
    public static List<BackendInfo> describe() {
        return ColorizerRegistry.getDefault().describe(BackendConfig.defaults());
    }

    /**
     * Forgets cached discovery results (for tests and hosts that change their class path).
     */
    public static void reload() {
        ColorizerRegistry.reloadDefault();
    }
}
