package io.github.colorize.remote;

import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.Colorizer;
import io.github.colorize.Provenance;
import io.github.colorize.Timings;
import io.github.colorize.remote.internal.DeepAiClient;
import io.github.colorize.remote.internal.DeepAiSettings;
import io.github.colorize.remote.internal.RemotePipeline;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Colorizer} backed by the DeepAI colourising web API: every photo is uploaded to the service
 * (by default {@code api.deepai.org}), and the service's colours are put under the photo's own
 * full-resolution luminance (see {@link DeepAiColorizerProvider} for the settings).
 *
 * <p>Obtain one with {@code Colorizers.create("deepai", config)}, which also draws the palette mark.
 * One created straight from {@link DeepAiColorizerProvider#create} returns unmarked results, like any
 * backend used without {@code Colorizers}.
 *
 * <p>The provenance record names the backend {@code deepai}, a model string that says the colours come
 * from the service's own model at the service's host, device {@code remote}, render factor 0 (the
 * service decides) and no model hash. It never holds the API key.
 *
 * <p><b>Thread safety:</b> thread-safe; photos from many threads share one connection pool, and at most
 * {@code maxConcurrent} are at the service at once. <b>Ownership:</b> the caller's image is never
 * modified; results belong to the caller. {@link #close()} is idempotent, cancels requests in flight and
 * releases connections.
 */
public final class DeepAiColorizer implements Colorizer {

    private final DeepAiSettings settings;
    private final DeepAiClient client;
    private final RemotePipeline pipeline;
    private final AtomicBoolean closed = new AtomicBoolean();

    DeepAiColorizer(DeepAiSettings settings, DeepAiClient client, RemotePipeline pipeline) {
        this.settings = settings;
        this.client = client;
        this.pipeline = pipeline;
    }

    /** {@return {@value DeepAiColorizerProvider#NAME}} */
    @Override
    public String backend() {
        return DeepAiColorizerProvider.NAME;
    }

    /**
     * The service's model, which this library cannot see or pin.
     *
     * @return for example {@code "DeepAI colorizer (the service's own model, at api.deepai.org)"}
     */
    @Override
    public String model() {
        return "DeepAI colorizer (the service's own model, at " + settings.host() + ")";
    }

    /**
     * Uploads the photo, downloads the service's colours and, unless {@code returnServiceImage} is set,
     * combines them with the photo's luminance as {@link ColorizeOptions#postProcessing()} says ({@code
     * MODEL_DEFAULT} is YUV, as the DeOldify model behind the service does). The render factor option is
     * ignored: the service chooses its own.
     *
     * <p>With {@code returnServiceImage=true} the result is the service's image exactly as decoded: its
     * own size (usually smaller than the photo), chroma strength 1.
     *
     * @param image the photo; not modified
     * @param options how to combine
     * @return the colourised photo and its provenance
     * @throws RemoteServiceException if the service fails, refuses or answers unusably; {@link
     *     RemoteServiceException#stopsBatch()} says whether a batch should stop. After a quota or key
     *     refusal, every later call on this colorizer fails the same way without uploading.
     * @throws IllegalStateException if closed
     */
    @Override
    public ColorizedImage colorize(BufferedImage image, ColorizeOptions options) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(options, "options");
        ensureOpen();
        RemotePipeline.Result r = pipeline.colorize(image, options);
        return new ColorizedImage(r.image(), provenance(r.chromaStrength(), r.timings()));
    }

    /**
     * Has the service fetch and colourise a photo published at a URL, and returns the service's image as
     * is: its own size, chroma strength 1 (there is no local original whose luminance could be kept). The
     * URL is sent to the service; this library never fetches it. The result carries no palette mark:
     * draw one if you publish it.
     *
     * @param imageUrl an absolute http or https URL the service can reach
     * @return the service's image and its provenance, with the URL's last path segment as source name
     * @throws IllegalArgumentException if the URL is not absolute http(s)
     * @throws RemoteServiceException if the service fails, refuses or answers unusably
     * @throws IllegalStateException if closed
     */
    public ColorizedImage colorizeUrl(URI imageUrl) {
        Objects.requireNonNull(imageUrl, "imageUrl");
        ensureOpen();
        RemotePipeline.Result r = pipeline.colorizeUrl(imageUrl);
        String path = imageUrl.getPath() == null ? "" : imageUrl.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        Provenance p = provenance(r.chromaStrength(), r.timings());
        return new ColorizedImage(r.image(), name.isEmpty() ? p : p.withSource(name, null));
    }

    private Provenance provenance(double strength, Timings timings) {
        return Provenance.of(backend(), model(), null, 0, strength, "remote", timings);
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("this deepai colorizer is closed");
        }
    }

    /** Cancels requests in flight and releases connections. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            client.close();
        }
    }

    /** Names the service; never the key. */
    @Override
    public String toString() {
        return "DeepAiColorizer[" + settings.baseUrl() + ", maxConcurrent=" + settings.maxConcurrent()
                + (closed.get() ? ", closed" : "") + "]";
    }
}
