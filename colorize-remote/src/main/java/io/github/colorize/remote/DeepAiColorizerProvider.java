package io.github.colorize.remote;

import io.github.colorize.BackendConfig;
import io.github.colorize.BackendUnavailableException;
import io.github.colorize.remote.internal.ApiKey;
import io.github.colorize.remote.internal.DeepAiClient;
import io.github.colorize.remote.internal.DeepAiSettings;
import io.github.colorize.remote.internal.RemotePipeline;
import io.github.colorize.remote.internal.RemoteRuntime;
import io.github.colorize.spi.Availability;
import io.github.colorize.spi.ColorizerProvider;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code deepai} backend: the DeepAI colourising web API. It uploads photos to a third party, so it
 * is <b>never chosen implicitly</b>: only when named ({@code Colorizers.create("deepai", config)}, {@code
 * colorize --backend deepai}), and only with an API key.
 *
 * <p><b>API key</b>, first found wins: the config's {@code apiKey} secret ({@link
 * BackendConfig.Builder#apiKey}), the environment variable {@value ApiKey#ENV}, then {@value
 * ApiKey#LEGACY_ENV} (the name the original bulk script used). A key given as a plain {@code apiKey} setting is
 * kept as a secret by {@link BackendConfig} too. The key is sent only in the {@code api-key} header of the upload,
 * and never appears in logs, messages, {@code toString()} or provenance.
 *
 * <p><b>Settings</b> (all optional; {@link BackendConfig#get} keys):
 *
 * <ul>
 *   <li>{@value #BASE_URL}: the service root, default {@value DeepAiSettings#DEFAULT_BASE_URL}. Must be
 *       https (http only for loopback hosts), without user info or query. Photos go to {@code
 *       {baseUrl}/api/colorizer}.
 *   <li>{@value #ALLOWED_HOSTS}: comma-separated extra hosts the result may be downloaded from (exact,
 *       or {@code *.example.com}; each optionally with {@code :port}, else on the scheme's default port);
 *       by default only the base URL's host and port. Results are refused elsewhere.
 *   <li>{@value #MAX_DOWNLOAD_BYTES}: the largest result accepted, default 50 MiB ({@code 52428800},
 *       {@code 512k}, {@code 50MiB}).
 *   <li>{@value #TIMEOUTS}: {@code connect=15s,read=120s,write=60s,call=5m} (the defaults; any subset,
 *       each from {@code 1ms} to {@code 1h}); {@code call} bounds one HTTP call end to end.
 *   <li>{@value #MAX_RETRIES}: retries per photo, upload and download together, default 4 (0–20).
 *   <li>{@value #MAX_RETRY_TIME}: no retry starts later than this after the photo's first attempt,
 *       default {@code 2m}.
 *   <li>{@value #MAX_CONCURRENT}: photos at the service at once per colorizer, default 4 (1–64).
 *   <li>{@value #RATE_PER_MINUTE}: the most uploads started per minute, evenly spaced; default 0 (no
 *       client-side limit).
 *   <li>{@value #RETURN_SERVICE_IMAGE}: {@code true} to return the service's image as is (its size,
 *       its recompressed luminance); default {@code false}, which keeps the photo's own luminance.
 * </ul>
 *
 * <p><b>Retries:</b> on HTTP 429, 5xx, 408 and I/O errors (including timeouts), with exponential back-off
 * from 1 s doubling to at most 30 s, half of each delay random (jitter), at least as long as the
 * service's {@code Retry-After}; never on 401, 402, 403 or other 4xx. OkHttp's own silent retry is off
 * for uploads. <b>An upload may be billed twice:</b> one that failed after it was sent whole (a read
 * timeout or reset while waiting for the answer) may have been processed by the service, and is sent again
 * at most once per photo; failures before it was sent are retried like the others. Failures are {@link
 * RemoteServiceException}s whose {@linkplain RemoteServiceException#kind() kind} tells quota exhaustion
 * from a bad key, a rate limit, a server error or an unusable answer.
 *
 * <p>Settings {@code model}, {@code device} and {@code fidelity} are ignored (the service has one model
 * and runs it itself); unknown settings are logged and ignored.
 *
 * <p>Thread-safe and stateless; the public no-argument constructor does nothing but remember where the
 * environment is read from.
 */
public final class DeepAiColorizerProvider implements ColorizerProvider {

    /** The backend name. */
    public static final String NAME = "deepai";
    /** Setting: the service root URL. */
    public static final String BASE_URL = DeepAiSettings.BASE_URL;
    /** Setting: extra hosts results may be downloaded from. */
    public static final String ALLOWED_HOSTS = DeepAiSettings.ALLOWED_HOSTS;
    /** Setting: the largest result accepted, in bytes. */
    public static final String MAX_DOWNLOAD_BYTES = DeepAiSettings.MAX_DOWNLOAD_BYTES;
    /** Setting: connect, read, write and call timeouts. */
    public static final String TIMEOUTS = DeepAiSettings.TIMEOUTS;
    /** Setting: retries per photo. */
    public static final String MAX_RETRIES = DeepAiSettings.MAX_RETRIES;
    /** Setting: the retry time budget per photo. */
    public static final String MAX_RETRY_TIME = DeepAiSettings.MAX_RETRY_TIME;
    /** Setting: photos at the service at once. */
    public static final String MAX_CONCURRENT = DeepAiSettings.MAX_CONCURRENT;
    /** Setting: uploads started per minute at most. */
    public static final String RATE_PER_MINUTE = DeepAiSettings.RATE_PER_MINUTE;
    /** Setting: return the service's image as is. */
    public static final String RETURN_SERVICE_IMAGE = DeepAiSettings.RETURN_SERVICE_IMAGE;

    private final RemoteRuntime runtime;

    /** The provider, reading the real environment. Used by {@link java.util.ServiceLoader}. */
    public DeepAiColorizerProvider() {
        this(RemoteRuntime.system());
    }

    /** For tests: a fake environment, clock and sleeper. */
    DeepAiColorizerProvider(RemoteRuntime runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    /** {@return {@value #NAME}} */
    @Override
    public String name() {
        return NAME;
    }

    /** {@return 0: irrelevant, since this backend is never chosen implicitly} */
    @Override
    public int priority() {
        return 0;
    }

    /** {@return false: photos are uploaded only when the caller names this backend} */
    @Override
    public boolean implicitSelectionAllowed() {
        return false;
    }

    /**
     * Available when OkHttp is present and an API key is found; only the config and the environment are
     * inspected (no network).
     *
     * @param config the settings
     * @return the availability; the reason says where photos would be uploaded to
     */
    @Override
    public Availability availability(BackendConfig config) {
        String host = DeepAiSettings.uploadHost(config);
        if (!okHttpPresent()) {
            return Availability.unavailable(
                    "OkHttp (com.squareup.okhttp3:okhttp-jvm) is not on the class path; uploads would go to " + host);
        }
        try {
            Optional<ApiKey> key = ApiKey.resolve(config, runtime.env());
            if (key.isEmpty()) {
                return Availability.unavailable(missingKey(host));
            }
            return Availability.available("only used when named; uploads photos to " + host + " (API key from "
                    + key.get().source() + ")");
        } catch (IllegalArgumentException e) {
            return Availability.unavailable(e.getMessage());
        }
    }

    /**
     * Creates a colorizer; no connection is opened until the first photo.
     *
     * @param config the settings
     * @return the colorizer; close it when done
     * @throws BackendUnavailableException if no key is found or a setting is invalid; the message names
     *     the setting or the key's sources, never the key
     */
    @Override
    public DeepAiColorizer create(BackendConfig config) {
        Objects.requireNonNull(config, "config");
        DeepAiSettings settings;
        ApiKey key;
        try {
            settings = DeepAiSettings.parse(config);
            key = ApiKey.resolve(config, runtime.env())
                    .orElseThrow(() -> new BackendUnavailableException(NAME, missingKey(settings.host())));
        } catch (IllegalArgumentException e) {
            throw new BackendUnavailableException(NAME, NAME + ": " + e.getMessage(), e);
        }
        DeepAiClient client = new DeepAiClient(settings, key, runtime);
        return new DeepAiColorizer(settings, client, new RemotePipeline(settings, client));
    }

    /** {@return {@code io.github.colorize:colorize-remote}} */
    @Override
    public String artifact() {
        return "io.github.colorize:colorize-remote";
    }

    /** {@return a one-line description} */
    @Override
    public String description() {
        return "DeepAI colorizer web API (uploads photos; only when named; needs an API key)";
    }

    @Override
    public String toString() {
        return "DeepAiColorizerProvider[" + NAME + "]";
    }

    private static String missingKey(String host) {
        return NAME + ": no API key: pass the apiKey secret (BackendConfig.builder().apiKey(...)) or set " + ApiKey.ENV
                + " (or " + ApiKey.LEGACY_ENV + "); this backend uploads photos to " + host;
    }

    private static boolean okHttpPresent() {
        try {
            Class.forName("okhttp3.OkHttpClient", false, DeepAiColorizerProvider.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
