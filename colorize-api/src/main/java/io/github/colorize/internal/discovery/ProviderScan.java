package io.github.colorize.internal.discovery;

import io.github.colorize.spi.ColorizerProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The result of one ServiceLoader pass: the providers that loaded, the entries that failed, and
 * problems worth a warning (duplicate names). One broken provider never hides the others. Immutable.
 *
 * @param providers providers that instantiated
 * @param failures one line per provider that failed to load
 * @param problems warnings such as duplicate names
 */
public record ProviderScan(List<ColorizerProvider> providers, List<String> failures, List<String> problems) {

    /** Copies the lists. */
    public ProviderScan {
        providers = List.copyOf(providers);
        failures = List.copyOf(failures);
        problems = List.copyOf(problems);
    }

    /**
     * Scans with {@link ServiceLoader} through the given loader (class path and module path alike).
     *
     * @param loader the class loader
     * @return the scan
     */
    public static ProviderScan load(ClassLoader loader) {
        List<ColorizerProvider> found = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Iterator<ColorizerProvider> it =
                ServiceLoader.load(ColorizerProvider.class, loader).iterator();
        // Bounded: a misbehaving iterator that keeps failing must not loop forever.
        for (int guard = 0; guard < 10_000; guard++) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                failures.add("provider failed to load: " + e.getMessage());
            }
        }
        return of(found, failures);
    }

    /**
     * A scan over an explicit list.
     *
     * @param providers the providers
     * @return the scan
     */
    public static ProviderScan of(List<ColorizerProvider> providers) {
        return of(providers, List.of());
    }

    private static ProviderScan of(List<ColorizerProvider> providers, List<String> failures) {
        Map<String, List<String>> byName = new HashMap<>();
        for (ColorizerProvider p : providers) {
            String name;
            try {
                // Selection ignores case, so "ONNX" and "onnx" clash as well.
                name = String.valueOf(p.name()).toLowerCase(Locale.ROOT);
            } catch (RuntimeException | LinkageError e) {
                name = "?";
            }
            byName.computeIfAbsent(name, k -> new ArrayList<>())
                    .add(p.getClass().getName());
        }
        List<String> problems = new ArrayList<>(failures);
        byName.forEach((name, classes) -> {
            if (classes.size() > 1) {
                problems.add("duplicate backend name '" + name + "' provided by " + classes);
            }
        });
        return new ProviderScan(providers, failures, problems);
    }
}
