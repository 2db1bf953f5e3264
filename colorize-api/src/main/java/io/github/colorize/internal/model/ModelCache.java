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

    /**
     * Where a downloaded model file of this name and content lives: in a folder named by the first 16
     * hex digits of its SHA-256. Many published models share a file name ({@code model.onnx}); keyed
     * by name alone, two of them would replace each other in the cache at every use, and a process
     * could load one just after verifying the other.
     *
     * @param fileName a plain file name
     * @param sha256 the file's SHA-256, 64 lower-case hex digits
     * @return the path (it may not exist)
     */
    public Path fileFor(String fileName, String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
        Path folder = directory.resolve(sha256.substring(0, 16));
        Path p = folder.resolve(fileName).normalize();
        if (!folder.equals(p.getParent())) {
            throw new IllegalArgumentException("model file name must not contain directories: " + fileName);
        }
        return p;
    }

    @Override
    public String toString() {
        return "ModelCache[" + directory + "]";
    }
}
