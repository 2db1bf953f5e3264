package io.github.colorize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Settings handed to a backend when it is created: the model, the device, and backend-specific keys
 * (each backend documents its own). Values are strings so that they can come from a CLI, a
 * properties file or the environment alike.
 *
 * <p>Secrets (API keys) are kept apart: {@link #toString()}, {@link #keys()} and {@link #values()}
 * never reveal them. Immutable and thread-safe.
 */
public final class BackendConfig {

    /** The model to load: a built-in card name, a file path, or a URL. */
    public static final String MODEL = "model";
    /** Where to run: {@code auto}, {@code cpu}, {@code cuda} or {@code cuda:N}. */
    public static final String DEVICE = "device";
    /** {@code default} (clean toolkit) or {@code reference} (reproduce the reference Python pipeline). */
    public static final String FIDELITY = "fidelity";
    /** The remote service's API key (a secret). */
    public static final String API_KEY = "apiKey";

    private static final BackendConfig EMPTY = builder().build();

    private final Map<String, String> values;
    private final Map<String, String> secrets;

    private BackendConfig(Builder b) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(b.values));
        this.secrets = Collections.unmodifiableMap(new TreeMap<>(b.secrets));
    }

    /**
     * No settings: every backend's defaults.
     *
     * @return the empty config
     */
    public static BackendConfig defaults() {
        return EMPTY;
    }

    /**
     * A new, empty builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these settings.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.values.putAll(values);
        b.secrets.putAll(secrets);
        return b;
    }

    /**
     * A setting.
     *
     * @param key the key
     * @return the value, if set
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * A setting or a default.
     *
     * @param key the key
     * @param fallback returned when unset
     * @return the value
     */
    public String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    /**
     * A secret. Callers must not log it.
     *
     * @param key the key
     * @return the secret, if set
     */
    public Optional<String> secret(String key) {
        return Optional.ofNullable(secrets.get(key));
    }

    /**
     * The model setting.
     *
     * @return the model, if set
     */
    public Optional<String> model() {
        return get(MODEL);
    }

    /**
     * The device setting; {@code auto} when unset.
     *
     * @return the device
     */
    public String device() {
        return get(DEVICE, "auto");
    }

    /**
     * The names of the non-secret settings.
     *
     * @return the keys
     */
    public Set<String> keys() {
        return values.keySet();
    }

    /**
     * The non-secret settings.
     *
     * @return an unmodifiable view
     */
    public Map<String, String> values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BackendConfig other && values.equals(other.values) && secrets.equals(other.secrets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values, secrets);
    }

    /** Lists settings; secrets appear as {@code ****}. */
    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(values);
        secrets.keySet().forEach(k -> shown.put(k, "****"));
        return "BackendConfig" + shown;
    }

    /** Builds a {@link BackendConfig}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, String> values = new TreeMap<>();
        private final Map<String, String> secrets = new TreeMap<>();

        private Builder() {}

        /**
         * Sets a setting. Keys that name a secret ({@code apiKey}, {@code *token}, {@code *secret}, {@code
         * *password}) are stored as secrets, as if set with {@link #secret}.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder set(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (looksSecret(key)) {
                // A key passed as a plain setting (from a CLI flag or a properties file) is still a
                // secret: keep it out of toString(), keys() and values().
                return secret(key, value);
            }
            values.put(key, value);
            return this;
        }

        private static boolean looksSecret(String key) {
            String k = key.toLowerCase(java.util.Locale.ROOT);
            return k.endsWith("apikey")
                    || k.endsWith("api-key")
                    || k.endsWith("api_key")
                    || k.endsWith("token")
                    || k.endsWith("secret")
                    || k.endsWith("password");
        }

        /**
         * Sets a secret, kept out of {@code toString}.
         *
         * @param key the key
         * @param value the secret
         * @return this builder
         */
        public Builder secret(String key, String value) {
            secrets.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets the model.
         *
         * @param model a card name, a file path or a URL
         * @return this builder
         */
        public Builder model(String model) {
            return set(MODEL, model);
        }

        /**
         * Sets the device.
         *
         * @param device {@code auto}, {@code cpu}, {@code cuda} or {@code cuda:N}
         * @return this builder
         */
        public Builder device(String device) {
            return set(DEVICE, device);
        }

        /**
         * Sets the API key of a remote backend.
         *
         * @param apiKey the key
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            return secret(API_KEY, apiKey);
        }

        /**
         * Builds the config.
         *
         * @return the immutable config
         */
        public BackendConfig build() {
            return new BackendConfig(this);
        }
    }
}
