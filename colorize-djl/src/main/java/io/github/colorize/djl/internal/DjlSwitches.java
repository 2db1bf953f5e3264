package io.github.colorize.djl.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The process-wide DJL switches this backend relies on, set as system properties before anything
 * touches {@code ai.djl.engine.Engine} (whose static initialiser may call the EC2 metadata address),
 * but only where the user has set neither the property nor its environment variable:
 *
 * <ul>
 *   <li>{@value #OFFLINE} = {@code true} ({@code DJL_OFFLINE}): DJL never downloads engines or models;
 *       colorize fetches URL models itself, verified, into its own cache;
 *   <li>{@value #TRACKING} = {@code true} (same name as an environment variable): no telemetry call;
 *   <li>{@value #NO_ALTERNATIVE} = {@code true}: DJL's ONNX Runtime engine does not start PyTorch as
 *       its "alternative engine" for array maths this backend never asks it for (which would extract
 *       432 MB of natives, or fail offline when they are absent).
 * </ul>
 *
 * <p>A user who wants DJL to download (say, {@code ai.djl.offline=false}) sets the switch explicitly and
 * keeps it. Thread-safe: {@link #apply()} is synchronized and idempotent.
 */
public final class DjlSwitches {

    /** DJL's offline switch (system property). */
    public static final String OFFLINE = "ai.djl.offline";
    /** DJL's offline switch (environment variable; wins over the property). */
    public static final String OFFLINE_ENV = "DJL_OFFLINE";
    /** DJL's telemetry opt-out (environment variable or system property). */
    public static final String TRACKING = "OPT_OUT_TRACKING";
    /** Stops DJL's ONNX Runtime engine from starting an alternative engine. */
    public static final String NO_ALTERNATIVE = "ai.djl.onnx.disable_alternative";

    private DjlSwitches() {}

    /**
     * Sets every switch the user has not set, in this JVM's system properties.
     *
     * @return the properties set by this call (empty when the user set them all, or on later calls)
     */
    public static synchronized List<String> apply() {
        return apply(System.getenv(), System::getProperty, DjlSwitches::setProperty);
    }

    /**
     * The decision, on given environment and properties (for tests).
     *
     * @param env the environment variables
     * @param property reads a system property
     * @param set sets a system property
     * @return the properties set
     */
    static List<String> apply(Map<String, String> env, Function<String, String> property, Setter set) {
        List<String> done = new ArrayList<>();
        if (env.get(OFFLINE_ENV) == null && property.apply(OFFLINE) == null) {
            set.set(OFFLINE, "true");
            done.add(OFFLINE + "=true");
        }
        if (env.get(TRACKING) == null && property.apply(TRACKING) == null) {
            set.set(TRACKING, "true");
            done.add(TRACKING + "=true");
        }
        if (property.apply(NO_ALTERNATIVE) == null) {
            set.set(NO_ALTERNATIVE, "true");
            done.add(NO_ALTERNATIVE + "=true");
        }
        return List.copyOf(done);
    }

    /**
     * Whether DJL will refuse network access once this backend has {@linkplain #apply() applied} its
     * switches (an unset switch becomes {@code true}); read without loading DJL.
     *
     * @return true if offline
     */
    public static boolean offline() {
        String env = System.getenv(OFFLINE_ENV);
        String value = env != null ? env : System.getProperty(OFFLINE);
        return value == null || Boolean.parseBoolean(value);
    }

    /** Sets one property. */
    @FunctionalInterface
    interface Setter {
        void set(String key, String value);
    }

    private static void setProperty(String key, String value) {
        System.setProperty(key, value);
    }
}
