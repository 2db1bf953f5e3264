package io.github.colorize.remote.internal;

import io.github.colorize.BackendConfig;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The service's API key, and where it came from. The key itself is reachable only inside this package
 * (for the request header); {@link #toString()} shows {@code ****}, and {@link #scrub} removes it from
 * any text that came back from the service before that text reaches a message or a log. Immutable and
 * thread-safe.
 */
public final class ApiKey {

    /** The environment variable read first when the config holds no key. */
    public static final String ENV = "DEEPAI_API_KEY";
    /** The environment variable read last: the name the original bulk script used. */
    public static final String LEGACY_ENV = "DL_API_KEY";

    private final String value;
    private final String source;
    /** The key as a service may echo it, in any case and encoding (see {@link KeyEchoes}). */
    private final Pattern echoes;

    private ApiKey(String value, String source) {
        this.value = value;
        this.source = source;
        this.echoes = KeyEchoes.of(value);
    }

    /**
     * Finds the key: the config's {@code apiKey} secret, else {@value #ENV}, else {@value #LEGACY_ENV}.
     * Blank values count as unset.
     *
     * @param config the backend settings
     * @param env the environment lookup
     * @return the key, if any source has one
     * @throws IllegalArgumentException if the key has characters an HTTP header cannot carry; the message
     *     never shows the key (a key given as a plain {@code apiKey} setting is stored by {@link
     *     BackendConfig} as a secret, so it arrives here like one)
     */
    public static Optional<ApiKey> resolve(BackendConfig config, Function<String, @Nullable String> env) {
        Optional<String> fromConfig = config.secret(BackendConfig.API_KEY);
        if (fromConfig.isPresent() && !fromConfig.get().isBlank()) {
            return Optional.of(checked(fromConfig.get().strip(), "the config's apiKey"));
        }
        for (String name : new String[] {ENV, LEGACY_ENV}) {
            String v = env.apply(name);
            if (v != null && !v.isBlank()) {
                return Optional.of(checked(v.strip(), name));
            }
        }
        return Optional.empty();
    }

    private static ApiKey checked(String key, String source) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            // Checked here because OkHttp's own header check quotes the value in its message.
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException("the API key from " + source + " has a character at position " + i
                        + " that an HTTP header cannot carry (only printable ASCII is allowed)");
            }
        }
        return new ApiKey(key, source);
    }

    /** The key, for the request header only. */
    String value() {
        return value;
    }

    /**
     * Where the key came from, for listings: {@code "the config's apiKey"}, {@value #ENV} or {@value
     * #LEGACY_ENV}.
     *
     * @return the source's name, never the key
     */
    public String source() {
        return source;
    }

    /**
     * Removes the key from a text that came from elsewhere (a service answer), in case it was echoed.
     * Scrub a text whole, before cutting it: a key across the cut would survive in part.
     *
     * @param text the text, or null
     * @return the text with every occurrence of the key, in any letter case and any of the encodings
     *     {@link KeyEchoes} lists, replaced by {@code ****}, or null
     */
    public @Nullable String scrub(@Nullable String text) {
        if (text == null) {
            return null;
        }
        return echoes.matcher(text).replaceAll("****");
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "ApiKey[****, from " + source + "]";
    }
}
