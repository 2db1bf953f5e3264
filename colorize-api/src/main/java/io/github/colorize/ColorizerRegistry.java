package io.github.colorize;

import io.github.colorize.internal.discovery.ProviderScan;
import io.github.colorize.spi.Availability;
import io.github.colorize.spi.ColorizerProvider;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backends visible to one class loader (or an explicit list of providers), and the rules that
 * choose among them; {@link Colorizers} is a static façade over the default registry. Use {@link
 * #forClassLoader(ClassLoader)} in plugin hosts and application servers, and {@link #of(List)} to test
 * with stub providers.
 *
 * <p>Thread-safe. Discovery runs lazily, once per registry.
 */
public final class ColorizerRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ColorizerRegistry.class);
    // Weak keys and soft values: a plugin host that drops a class loader must not have it pinned here
    // for ever (the providers in a cached registry reference their loader, so a strong value would).
    // A soft value still keeps it until the JVM needs the memory: soft references are cleared before
    // any OutOfMemoryError, so an unloaded plugin costs memory for a while, never a leak. Weak values
    // would free it at once but rescan on nearly every Colorizers call. Losing an entry only costs a
    // new ServiceLoader scan.
    private static final Map<ClassLoader, SoftReference<ColorizerRegistry>> BY_LOADER = new WeakHashMap<>();

    private final Supplier<ProviderScan> scanner;
    private final Function<String, String> systemProperties;
    private final Function<String, String> environment;
    private volatile ProviderScan scan;

    ColorizerRegistry(
            Supplier<ProviderScan> scanner,
            Function<String, String> systemProperties,
            Function<String, String> environment) {
        this.scanner = scanner;
        this.systemProperties = systemProperties;
        this.environment = environment;
    }

    /**
     * The registry of the class loader that loaded this library.
     *
     * @return the shared registry
     */
    public static ColorizerRegistry getDefault() {
        return forClassLoader(ColorizerRegistry.class.getClassLoader());
    }

    /**
     * The registry that discovers providers through the given class loader.
     *
     * @param loader the loader
     * @return the registry, cached per loader
     */
    public static ColorizerRegistry forClassLoader(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        synchronized (BY_LOADER) {
            SoftReference<ColorizerRegistry> ref = BY_LOADER.get(loader);
            ColorizerRegistry registry = ref == null ? null : ref.get();
            if (registry == null) {
                registry = new ColorizerRegistry(() -> ProviderScan.load(loader), System::getProperty, System::getenv);
                BY_LOADER.put(loader, new SoftReference<>(registry));
            }
            return registry;
        }
    }

    /**
     * A registry over an explicit list of providers, ignoring the system property and environment.
     *
     * @param providers the providers
     * @return the registry
     */
    public static ColorizerRegistry of(List<? extends ColorizerProvider> providers) {
        List<ColorizerProvider> copy = List.copyOf(providers);
        return new ColorizerRegistry(() -> ProviderScan.of(copy), k -> null, k -> null);
    }

    static void reloadDefault() {
        synchronized (BY_LOADER) {
            BY_LOADER.clear();
        }
    }

    private ProviderScan scan() {
        ProviderScan s = scan;
        if (s == null) {
            synchronized (this) {
                s = scan;
                if (s == null) {
                    s = scanner.get();
                    s.problems().forEach(p -> LOG.warn("colorize backend discovery: {}", p));
                    scan = s;
                }
            }
        }
        return s;
    }

    /**
     * Creates a colorizer with the chosen backend and default settings.
     *
     * @return a colorizer
     */
    public Colorizer create() {
        return create(BackendConfig.defaults());
    }

    /**
     * Creates a colorizer with the chosen backend (see {@link Colorizers} for the rules).
     *
     * @param config backend settings
     * @return a colorizer
     */
    public Colorizer create(BackendConfig config) {
        Optional<String> named = configuredName();
        if (named.isPresent()) {
            return create(named.get(), config);
        }
        return createImplicit(config);
    }

    /**
     * Creates a colorizer with the named backend.
     *
     * @param backend the name
     * @param config backend settings
     * @return a colorizer
     * @throws BackendUnavailableException if unknown, ambiguous, unavailable or failing to start
     */
    public Colorizer create(String backend, BackendConfig config) {
        String name = backend.trim().toLowerCase(Locale.ROOT);
        List<ColorizerProvider> matches = scan().providers().stream()
                .filter(p -> name.equals(safeName(p)))
                .toList();
        if (matches.isEmpty()) {
            throw new BackendUnavailableException(
                    name,
                    "no backend named '" + name + "'; found: " + knownNames()
                            + ". Add io.github.colorize:colorize-" + name + " to the runtime class path"
                            + " if that is the backend you meant.");
        }
        if (matches.size() > 1) {
            throw new BackendUnavailableException(
                    name,
                    "backend name '" + name + "' is provided by several jars: "
                            + matches.stream().map(p -> p.getClass().getName()).toList()
                            + "; remove all but one");
        }
        return create(matches.get(0), config);
    }

    /**
     * Creates a colorizer from a provider, bypassing discovery but not its availability check.
     *
     * @param provider the provider
     * @param config backend settings
     * @return a colorizer
     */
    public Colorizer create(ColorizerProvider provider, BackendConfig config) {
        String name = safeName(provider);
        Availability availability = availability(provider, config);
        if (!availability.available()) {
            throw new BackendUnavailableException(
                    name, "backend '" + name + "' is unavailable: " + availability.reason());
        }
        try {
            Colorizer colorizer = provider.create(config);
            LOG.debug("colorize: using backend '{}' ({})", name, colorizer.model());
            return MarkingColorizer.wrap(colorizer);
        } catch (ColorizeException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new BackendUnavailableException(name, "backend '" + name + "' failed to start: " + e, e);
        }
    }

    /**
     * Every provider found, with its availability under the given settings.
     *
     * @param config the settings to judge availability with
     * @return highest priority first; load failures last
     */
    public List<BackendInfo> describe(BackendConfig config) {
        ProviderScan s = scan();
        List<BackendInfo> out = new ArrayList<>();
        for (ColorizerProvider p : s.providers()) {
            String name = safeName(p);
            long same =
                    s.providers().stream().filter(q -> name.equals(safeName(q))).count();
            String nameProblem = nameProblem(p);
            Availability a = nameProblem != null
                    ? Availability.unavailable(nameProblem)
                    : same > 1
                            ? Availability.unavailable("duplicate backend name '" + name + "' in several jars")
                            : availability(p, config);
            out.add(new BackendInfo(
                    name,
                    safePriority(p),
                    safeImplicit(p),
                    a.available(),
                    a.reason(),
                    safeArtifact(p),
                    p.getClass().getName()));
        }
        out.sort(Comparator.comparingInt(BackendInfo::priority).reversed().thenComparing(BackendInfo::name));
        for (String failure : s.failures()) {
            out.add(new BackendInfo("?", Integer.MIN_VALUE, false, false, failure, "?", failure));
        }
        return List.copyOf(out);
    }

    private Colorizer createImplicit(BackendConfig config) {
        List<BackendInfo> infos = describe(config);
        List<String> failures = new ArrayList<>();
        for (BackendInfo info : infos) {
            if (!info.available() || !info.implicitSelectionAllowed()) {
                continue;
            }
            ColorizerProvider p = scan().providers().stream()
                    .filter(q -> info.name().equals(safeName(q)))
                    .findFirst()
                    .orElseThrow();
            try {
                return create(p, config);
            } catch (ColorizeException e) {
                LOG.warn(
                        "colorize: backend '{}' failed to start, trying the next one: {}", info.name(), e.getMessage());
                failures.add(info.name() + ": " + e.getMessage());
            }
        }
        StringBuilder msg = new StringBuilder("no colorize backend can run here.");
        if (infos.isEmpty()) {
            msg.append(" No backend is on the class path.");
        }
        for (BackendInfo info : infos) {
            msg.append("\n  - ").append(info.describe());
        }
        for (String f : failures) {
            msg.append("\n  - failed to start ").append(f);
        }
        msg.append("\nAdd io.github.colorize:colorize-onnx (local, bundled model) or colorize-djl to the runtime"
                + " class path; remote backends such as colorize-remote are only used when named.");
        throw new NoBackendException(msg.toString());
    }

    private Optional<String> configuredName() {
        String prop = systemProperties.apply(Colorizers.BACKEND_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Optional.of(prop);
        }
        String env = environment.apply(Colorizers.BACKEND_ENV);
        if (env != null && !env.isBlank()) {
            return Optional.of(env);
        }
        return Optional.empty();
    }

    private List<String> knownNames() {
        return scan().providers().stream()
                .map(ColorizerRegistry::safeName)
                .sorted()
                .toList();
    }

    private static Availability availability(ColorizerProvider p, BackendConfig config) {
        try {
            Availability a = p.availability(config);
            return a == null ? Availability.unavailable("provider returned no availability") : a;
        } catch (RuntimeException | LinkageError e) {
            return Availability.unavailable("availability check failed: " + e);
        }
    }

    /**
     * Why a provider's name cannot be used, or null. A provider without a usable name is never chosen
     * implicitly: nobody could name it, and its results could not say which backend made them.
     */
    private static String nameProblem(ColorizerProvider p) {
        try {
            String n = p.name();
            return n == null || n.isBlank() ? "name() returned no name" : null;
        } catch (RuntimeException | LinkageError e) {
            return "name() failed: " + e;
        }
    }

    private static String safeName(ColorizerProvider p) {
        try {
            return p.name().toLowerCase(Locale.ROOT);
        } catch (RuntimeException | LinkageError e) {
            return "?" + p.getClass().getName();
        }
    }

    private static int safePriority(ColorizerProvider p) {
        try {
            return p.priority();
        } catch (RuntimeException | LinkageError e) {
            return Integer.MIN_VALUE;
        }
    }

    private static boolean safeImplicit(ColorizerProvider p) {
        try {
            return p.implicitSelectionAllowed();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String safeArtifact(ColorizerProvider p) {
        try {
            return p.artifact();
        } catch (RuntimeException | LinkageError e) {
            return "?";
        }
    }
}
