package io.github.colorize.internal.model;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where downloaded and hand-placed model files live: {@code ~/.cache/colorize/models} unless the
 * {@value #PROPERTY} system property or the {@value #ENV} environment variable names another folder
 * ({@code $XDG_CACHE_HOME/colorize/models} when that is set). Resolving the folder does no I/O; it is
 * created only when a download needs it. Immutable and thread-safe.
 */
public final class ModelCache {

    /** System property overriding the cache folder. */
    public static final String PROPERTY = "colorize.model.cache";
    /** Environment variable overriding the cache folder. */
    public static final String ENV = "COLORIZE_MODEL_CACHE";

    private final Path directory;

    /**
     * A cache in a given folder.
     *
     * @param directory the folder (need not exist yet)
     */
    public ModelCache(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /**
     * The cache chosen by system properties and the environment.
     *
     * @return the default cache
     */
    public static ModelCache defaultCache() {
        return new ModelCache(defaultDirectory(System::getProperty, System::getenv));
    }

    /**
     * Chooses the folder: property, then {@value #ENV}, then {@code XDG_CACHE_HOME}, then {@code
     * user.home/.cache}.
     *
     * @param properties system property lookup
     * @param environment environment lookup
     * @return the folder
     */
    static Path defaultDirectory(Function<String, String> properties, Function<String, String> environment) {
        String prop = properties.apply(PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = environment.apply(ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String xdg = environment.apply("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "colorize", "models");
        }
        return Path.of(properties.apply("user.home"), ".cache", "colorize", "models");
    }

    /**
     * The cache folder.
     *
     * @return the absolute folder
     */
    public Path directory() {
        return directory;
    }

    /**
     * Where a model file of this name lives in the cache.
     *
     * @param fileName a plain file name
     * @return the path (it may not exist)
     */
    public Path fileFor(String fileName) {
        Path p = directory.resolve(fileName).normalize();
        if (!p.getParent().equals(directory)) {
            throw new IllegalArgumentException("model file name must not contain directories: " + fileName);
        }
        return p;
    }

    @Override
    public String toString() {
        return "ModelCache[" + directory + "]";
    }
}
