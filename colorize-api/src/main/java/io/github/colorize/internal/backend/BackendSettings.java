package io.github.colorize.internal.backend;

import io.github.colorize.BackendConfig;
import io.github.colorize.internal.pipeline.Fidelity;
import java.util.Optional;

/**
 * Parses the settings the local graph backends share ({@code device}, {@code fidelity}, {@code threads})
 * with one wording for every error. Static and thread-safe.
 */
public final class BackendSettings {

    /** The setting naming the intra-op thread count of a model's session. */
    public static final String THREADS = "threads";

    private BackendSettings() {}

    /**
     * The {@code device} setting.
     *
     * @param config the settings
     * @return the parsed device
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static DeviceSpec device(BackendConfig config) {
        return DeviceSpec.parse(config.device());
    }

    /**
     * The {@code fidelity} setting.
     *
     * @param config the settings
     * @return the fidelity, {@link Fidelity#DEFAULT} when unset
     * @throws IllegalArgumentException for anything but {@code default} or {@code reference}
     */
    public static Fidelity fidelity(BackendConfig config) {
        return Fidelity.parse(config.get(BackendConfig.FIDELITY, "default"));
    }

    /**
     * The {@value #THREADS} setting.
     *
     * @param config the settings
     * @return 1 to 1024; all processors when unset
     * @throws IllegalArgumentException for anything else
     */
    public static int threads(BackendConfig config) {
        Optional<String> t = config.get(THREADS);
        if (t.isEmpty()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(t.get().trim());
            if (n >= 1 && n <= 1024) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(THREADS + " must be an integer from 1 to 1024, got '" + t.get() + "'");
    }

    /**
     * The first problem with the shared settings, for availability probes.
     *
     * @param config the settings
     * @return the message, or empty when they all parse
     */
    public static Optional<String> problem(BackendConfig config) {
        try {
            device(config);
            fidelity(config);
            threads(config);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
