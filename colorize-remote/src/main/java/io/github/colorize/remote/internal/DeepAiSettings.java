package io.github.colorize.remote.internal;

import io.github.colorize.BackendConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DeepAI backend's settings, parsed and checked from a {@link BackendConfig}. Immutable and
 * thread-safe. The keys and defaults are documented on {@code DeepAiColorizerProvider}.
 *
 * @param baseUrl the service root, always ending in {@code /}
 * @param allowedHosts extra hosts result downloads may come from (exact names, or {@code *.suffix}; each
 *     with {@code :port}, or else on its scheme's default port)
 * @param maxDownloadBytes the largest result accepted
 * @param connectTimeout TCP/TLS connect timeout per HTTP call
 * @param readTimeout longest silence while reading an answer
 * @param writeTimeout longest stall while sending the photo
 * @param callTimeout the longest one HTTP call may take, end to end
 * @param maxRetries how many times one photo's requests may be retried in total
 * @param maxRetryTime the longest one photo may spend from its first attempt until a retry is started
 * @param maxConcurrent how many photos may be at the service at once
 * @param ratePerMinute the most upload requests started per minute, or 0 for no client-side limit
 * @param returnServiceImage return the service's image as is instead of recombining it
 */
public record DeepAiSettings(
        URI baseUrl,
        Set<String> allowedHosts,
        long maxDownloadBytes,
        Duration connectTimeout,
        Duration readTimeout,
        Duration writeTimeout,
        Duration callTimeout,
        int maxRetries,
        Duration maxRetryTime,
        int maxConcurrent,
        double ratePerMinute,
        boolean returnServiceImage) {

    public static final String BASE_URL = "baseUrl";
    public static final String ALLOWED_HOSTS = "allowedHosts";
    public static final String MAX_DOWNLOAD_BYTES = "maxDownloadBytes";
    public static final String TIMEOUTS = "timeouts";
    public static final String MAX_RETRIES = "maxRetries";
    public static final String MAX_RETRY_TIME = "maxRetryTime";
    public static final String MAX_CONCURRENT = "maxConcurrent";
    public static final String RATE_PER_MINUTE = "ratePerMinute";
    public static final String RETURN_SERVICE_IMAGE = "returnServiceImage";

    public static final String DEFAULT_BASE_URL = "https://api.deepai.org";
    public static final long DEFAULT_MAX_DOWNLOAD_BYTES = 50L << 20;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_RETRIES = 4;
    public static final Duration DEFAULT_MAX_RETRY_TIME = Duration.ofMinutes(2);
    public static final int DEFAULT_MAX_CONCURRENT = 4;
    /**
     * The longest timeout accepted. OkHttp reads 0 as "never time out" and refuses more than about 24 days
     * with an unchecked exception; an hour is already far beyond any sensible wait for one call.
     */
    public static final Duration MAX_TIMEOUT = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(DeepAiSettings.class);

    /** Keys every backend may receive; this one ignores them (the service has one model, no device). */
    private static final Set<String> SHARED_KEYS =
            Set.of(BackendConfig.MODEL, BackendConfig.DEVICE, BackendConfig.FIDELITY, BackendConfig.API_KEY);

    private static final Set<String> OWN_KEYS = Set.of(
            BASE_URL,
            ALLOWED_HOSTS,
            MAX_DOWNLOAD_BYTES,
            TIMEOUTS,
            MAX_RETRIES,
            MAX_RETRY_TIME,
            MAX_CONCURRENT,
            RATE_PER_MINUTE,
            RETURN_SERVICE_IMAGE);

    /** Validates the components; messages never show more of {@code baseUrl} than scheme and host. */
    public DeepAiSettings {
        allowedHosts = Set.copyOf(allowedHosts);
        if (carriesMoreThanALocation(baseUrl)
                || baseUrl.getPath() == null
                || !baseUrl.getPath().endsWith("/")) {
            throw new IllegalArgumentException("baseUrl (" + shown(baseUrl) + ") must end with '/' and carry no"
                    + " user info, query or fragment");
        }
        checkTimeout("connect", connectTimeout, null);
        checkTimeout("read", readTimeout, null);
        checkTimeout("write", writeTimeout, null);
        checkTimeout("call", callTimeout, null);
    }

    /**
     * Reads the settings, applying defaults for those not set.
     *
     * @param config the backend settings
     * @return the parsed settings
     * @throws IllegalArgumentException naming the setting, its value and what was expected
     */
    public static DeepAiSettings parse(BackendConfig config) {
        for (String key : config.keys()) {
            if (!OWN_KEYS.contains(key) && !SHARED_KEYS.contains(key)) {
                LOG.warn("deepai: ignoring unknown setting '{}' (known: {})", key, OWN_KEYS);
            }
        }
        URI base = baseUrl(config.get(BASE_URL, DEFAULT_BASE_URL));
        Set<String> hosts = config.get(ALLOWED_HOSTS).map(DeepAiSettings::hosts).orElse(Set.of());
        long maxBytes = config.get(MAX_DOWNLOAD_BYTES)
                .map(v -> SettingValues.bytes(MAX_DOWNLOAD_BYTES, v))
                .orElse(DEFAULT_MAX_DOWNLOAD_BYTES);
        Map<String, String> t = config.get(TIMEOUTS)
                .map(v -> SettingValues.pairs(TIMEOUTS, v, Set.of("connect", "read", "write", "call")))
                .orElse(Map.of());
        return new DeepAiSettings(
                base,
                hosts,
                maxBytes,
                timeout(t, "connect", DEFAULT_CONNECT_TIMEOUT),
                timeout(t, "read", DEFAULT_READ_TIMEOUT),
                timeout(t, "write", DEFAULT_WRITE_TIMEOUT),
                timeout(t, "call", DEFAULT_CALL_TIMEOUT),
                config.get(MAX_RETRIES)
                        .map(v -> SettingValues.integer(MAX_RETRIES, v, 0, 20))
                        .orElse(DEFAULT_MAX_RETRIES),
                config.get(MAX_RETRY_TIME)
                        .map(v -> SettingValues.duration(MAX_RETRY_TIME, v))
                        .orElse(DEFAULT_MAX_RETRY_TIME),
                config.get(MAX_CONCURRENT)
                        .map(v -> SettingValues.integer(MAX_CONCURRENT, v, 1, 64))
                        .orElse(DEFAULT_MAX_CONCURRENT),
                config.get(RATE_PER_MINUTE)
                        .map(v -> SettingValues.nonNegative(RATE_PER_MINUTE, v))
                        .orElse(0.0),
                config.get(RETURN_SERVICE_IMAGE)
                        .map(v -> SettingValues.bool(RETURN_SERVICE_IMAGE, v))
                        .orElse(false));
    }

    /**
     * The host photos are uploaded to, as {@link #baseUrl} names it; cheap, for availability reports.
     *
     * @param config the backend settings
     * @return the host, or {@code "an invalid baseUrl"} when it has none: never the raw setting, which
     *     may carry a key in its query (create() reports the problem properly)
     */
    public static String uploadHost(BackendConfig config) {
        String raw = config.get(BASE_URL, DEFAULT_BASE_URL);
        try {
            String host = new URI(raw.strip()).getHost();
            return host == null ? "an invalid baseUrl" : host;
        } catch (URISyntaxException e) {
            return "an invalid baseUrl";
        }
    }

    /** The host of {@link #baseUrl}. */
    public String host() {
        return baseUrl.getHost();
    }

    private static Duration timeout(Map<String, String> t, String name, Duration fallback) {
        String v = t.get(name);
        if (v == null) {
            return fallback;
        }
        Duration d = SettingValues.duration(TIMEOUTS + "." + name, v);
        checkTimeout(name, d, v);
        return d;
    }

    /** OkHttp works in whole milliseconds and reads 0 as "no timeout": 1 ms is the least that bounds a call. */
    private static void checkTimeout(String name, Duration d, @Nullable String given) {
        if (d.toMillis() < 1 || d.compareTo(MAX_TIMEOUT) > 0) {
            String key = TIMEOUTS + "." + name;
            String expected = "a duration from 1ms to " + MAX_TIMEOUT.toHours() + "h";
            throw given != null
                    ? SettingValues.invalid(key, given, expected)
                    : new IllegalArgumentException(
                            "setting '" + key + "' is " + d.toMillis() + " ms; expected " + expected);
        }
    }

    static URI baseUrl(String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw invalidBaseUrl(null);
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw invalidBaseUrl(null);
        }
        if (carriesMoreThanALocation(uri)) {
            // Credentials in a URL end up in logs; the key travels in its own header instead.
            throw new IllegalArgumentException("setting '" + BASE_URL + "' (" + shown(uri) + ") must not carry user"
                    + " info, a query or a fragment; pass the API key as the apiKey secret");
        }
        UrlPolicy.requireSecureScheme(
                uri.getScheme(), uri.getHost(), "setting '" + BASE_URL + "' (" + shown(uri) + ")");
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        try {
            return new URI(
                    uri.getScheme().toLowerCase(Locale.ROOT), null, uri.getHost(), uri.getPort(), path, null, null);
        } catch (URISyntaxException e) {
            throw invalidBaseUrl(uri);
        }
    }

    /** User info, a query or a fragment: where credentials hide, and then reach logs. */
    private static boolean carriesMoreThanALocation(URI uri) {
        return uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null;
    }

    /**
     * A bad base URL is described, never echoed: one typed without its scheme, or with the key where the
     * port goes, would put the key into the message (and every log that prints it).
     */
    private static IllegalArgumentException invalidBaseUrl(@Nullable URI parsed) {
        String what = parsed == null ? "the value given" : shown(parsed);
        return new IllegalArgumentException("setting '" + BASE_URL + "' (" + what + ") is not usable; expected an"
                + " absolute https URL such as " + DEFAULT_BASE_URL);
    }

    /** At most scheme and host, quoted; {@code "the value given"} if the URL has neither. */
    private static String shown(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            return "the value given";
        }
        return "'" + uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + "'";
    }

    private static Set<String> hosts(String value) {
        Set<String> out = Arrays.stream(value.split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        for (String h : out) {
            int colon = UrlPolicy.portColon(h);
            String name = colon < 0 ? h : h.substring(0, colon);
            name = name.startsWith("*.") ? name.substring(2) : name;
            if (name.isEmpty()
                    || !name.matches("[a-z0-9.\\-\\[\\]:]+")
                    || name.contains("*")
                    || (colon >= 0 && UrlPolicy.parsePort(h.substring(colon + 1)) < 0)) {
                throw SettingValues.invalid(
                        ALLOWED_HOSTS,
                        value,
                        "comma-separated host names, each exact or '*.' + a domain, optionally with ':port'");
            }
        }
        return out;
    }
}
