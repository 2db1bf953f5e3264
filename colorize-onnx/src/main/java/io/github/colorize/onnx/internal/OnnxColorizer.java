package io.github.colorize.onnx.internal;

import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.Colorizer;
import io.github.colorize.ModelCard;
import io.github.colorize.PostProcessing;
import io.github.colorize.Provenance;
import io.github.colorize.Timings;
import io.github.colorize.internal.image.PixelBuffers;
import io.github.colorize.internal.render.AutoRenderFactor;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code onnx} backend's colorizer: one loaded graph shared by every thread, wrapped in its
 * card's colour pipeline. Thread-safe; {@link #close()} waits for calls in flight, is idempotent, and
 * makes later calls throw {@link IllegalStateException}. Does not draw the palette mark ({@code
 * Colorizers} does).
 */
public final class OnnxColorizer implements Colorizer {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxColorizer.class);

    private final OnnxModel model;
    private final ColourPipelineBridge pipeline;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    /**
     * A colorizer over a loaded model; it owns the model and closes it.
     *
     * @param model the loaded graph
     * @param pipeline the card's colour pipeline
     */
    public OnnxColorizer(OnnxModel model, ColourPipelineBridge pipeline) {
        this.model = Objects.requireNonNull(model, "model");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    }

    @Override
    public String backend() {
        return "onnx";
    }

    @Override
    public String model() {
        return model.card().name();
    }

    /**
     * The device the session runs on.
     *
     * @return {@code cpu} or {@code cuda:N}
     */
    public String device() {
        return model.device();
    }

    @Override
    public ColorizedImage colorize(BufferedImage image, ColorizeOptions options) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(options, "options");
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("this onnx colorizer (" + model() + ") is closed");
            }
            return run(image, options);
        } finally {
            lock.readLock().unlock();
        }
    }

    private ColorizedImage run(BufferedImage image, ColorizeOptions options) {
        ModelCard card = model.card();
        long t0 = System.nanoTime();
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = PixelBuffers.rgb(image);
        int factor;
        if (options.renderFactor().isAuto()) {
            AutoRenderFactor.Choice choice = AutoRenderFactor.choose(rgb, w, h, card.defaultRenderFactor());
            LOG.debug("{}", choice.reason());
            factor = choice.factor();
        } else {
            factor = options.renderFactor().value().getAsInt();
        }
        ColourPipelineBridge.Prepared prepared = pipeline.prepare(rgb, w, h, factor);
        long t1 = System.nanoTime();
        OnnxModel.Tensor out = model.run(prepared.inputs());
        long t2 = System.nanoTime();
        PostProcessing mode = options.postProcessing() == PostProcessing.MODEL_DEFAULT
                ? card.postProcessing()
                : options.postProcessing();
        int[] pixels = pipeline.finish(prepared, out, (float) options.chromaStrength(), mode);
        BufferedImage result = PixelBuffers.toImage(pixels, w, h);
        long t3 = System.nanoTime();
        Timings timings = new Timings(Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1), Duration.ofNanos(t3 - t2));
        Provenance provenance = Provenance.of(
                backend(),
                card.name(),
                model.sha256(),
                prepared.renderFactor(),
                options.chromaStrength(),
                model.device(),
                timings);
        return new ColorizedImage(result, provenance);
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                model.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "OnnxColorizer[" + model() + " on " + model.device() + "]";
    }
}
