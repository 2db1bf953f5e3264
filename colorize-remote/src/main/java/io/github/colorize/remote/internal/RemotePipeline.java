package io.github.colorize.remote.internal;

import io.github.colorize.ColorizeException;
import io.github.colorize.ColorizeOptions;
import io.github.colorize.Timings;
import io.github.colorize.internal.image.PixelBuffers;
import io.github.colorize.internal.io.PhotoReader;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One photo's way through the backend: encode, send (at most {@code maxConcurrent} photos at the
 * service at once), decode and check the answer, combine it with the original. Thread-safe.
 */
public final class RemotePipeline {

    private static final Logger LOG = LoggerFactory.getLogger(RemotePipeline.class);

    private final DeepAiSettings settings;
    private final DeepAiClient client;
    private final Semaphore inFlight;

    /**
     * Creates the pipeline.
     *
     * @param settings the settings
     * @param client the HTTP client (owned by the caller)
     */
    public RemotePipeline(DeepAiSettings settings, DeepAiClient client) {
        this.settings = settings;
        this.client = client;
        this.inFlight = new Semaphore(settings.maxConcurrent(), true);
    }

    /**
     * A colourised image and how it was made.
     *
     * @param image the pixels, owned by the caller
     * @param chromaStrength the strength actually applied
     * @param timings where the time went
     */
    public record Result(BufferedImage image, double chromaStrength, Timings timings) {}

    /**
     * Colourises an in-memory photo.
     *
     * @param image the photo (not modified)
     * @param options the options
     * @return the result
     */
    public Result colorize(BufferedImage image, ColorizeOptions options) {
        long t0 = System.nanoTime();
        int w = image.getWidth();
        int h = image.getHeight();
        // The same conversion as a photo read from a file: 16-bit gray is gamma-encoded, not treated
        // as linear light (which would brighten it), and transparency is flattened onto white.
        int[] original = PixelBuffers.rgb(PhotoReader.toSrgb(image, false));
        Upload.Photo upload = UploadEncoder.encode(original, w, h);
        long t1 = System.nanoTime();
        byte[] answer = send(upload);
        long t2 = System.nanoTime();
        ResultDecoder.Decoded service = decode(answer);
        BufferedImage out;
        double strength;
        if (settings.returnServiceImage()) {
            out = PixelBuffers.toImage(service.rgb(), service.width(), service.height());
            strength = 1.0;
        } else {
            warnIfReshaped(w, h, service);
            float s = (float) options.chromaStrength();
            out = PixelBuffers.toImage(
                    ChromaTransfer.combine(original, w, h, service, options.postProcessing(), s), w, h);
            strength = options.chromaStrength();
        }
        long t3 = System.nanoTime();
        return new Result(out, strength, timings(t0, t1, t2, t3));
    }

    /**
     * Colourises a photo the service fetches from a URL; the service's image is returned as is.
     *
     * @param imageUrl an absolute http(s) URL
     * @return the result
     */
    public Result colorizeUrl(URI imageUrl) {
        String scheme = imageUrl.getScheme() == null ? "" : imageUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!imageUrl.isAbsolute()
                || imageUrl.getHost() == null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("not an absolute http(s) URL: " + imageUrl);
        }
        long t0 = System.nanoTime();
        byte[] answer = send(new Upload.Link(imageUrl.toString()));
        long t1 = System.nanoTime();
        ResultDecoder.Decoded service = decode(answer);
        BufferedImage out = PixelBuffers.toImage(service.rgb(), service.width(), service.height());
        long t2 = System.nanoTime();
        return new Result(out, 1.0, timings(t0, t0, t1, t2));
    }

    private byte[] send(Upload upload) {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ColorizeException("deepai: interrupted while waiting for a free request slot", e);
        }
        try {
            return client.fetch(upload);
        } finally {
            inFlight.release();
        }
    }

    private ResultDecoder.Decoded decode(byte[] answer) {
        try {
            return ResultDecoder.decode(answer);
        } catch (ResultDecoder.UnusableResultException e) {
            throw client.unusableResult(String.valueOf(e.getMessage()), e.getCause());
        }
    }

    private static void warnIfReshaped(int w, int h, ResultDecoder.Decoded service) {
        double ratio = (double) w / h;
        double serviceRatio = (double) service.width() / service.height();
        if (Math.abs(ratio / serviceRatio - 1) > 0.02) {
            // Stretching is still the best alignment we can do; say so, since colours may sit off their edges.
            LOG.warn(
                    "deepai: the service answered {}x{} for a {}x{} photo (another aspect ratio); stretching",
                    service.width(),
                    service.height(),
                    w,
                    h);
        }
    }

    private static Timings timings(long t0, long t1, long t2, long t3) {
        return new Timings(Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1), Duration.ofNanos(t3 - t2));
    }
}
