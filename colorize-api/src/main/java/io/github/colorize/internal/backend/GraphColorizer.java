package io.github.colorize.internal.backend;

import io.github.colorize.ColorizeException;
import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.Colorizer;
import io.github.colorize.ModelCard;
import io.github.colorize.PostProcessing;
import io.github.colorize.Provenance;
import io.github.colorize.Timings;
import io.github.colorize.internal.image.PixelBuffers;
import io.github.colorize.internal.io.PhotoReader;
import io.github.colorize.internal.pipeline.ColorPipeline;
import io.github.colorize.internal.pipeline.Fidelity;
import io.github.colorize.internal.pipeline.Prepared;
import io.github.colorize.internal.pipeline.SizeRule;
import io.github.colorize.internal.pipeline.Tensor;
import io.github.colorize.internal.render.AutoRenderFactor;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The colorizer of a local graph backend: one {@link LoadedGraph} shared by every thread, wrapped in its
 * card's {@link ColorPipeline}; the same flow for every runtime, so that backends differ only in how
 * they load and run a graph. Times the three stages and records provenance.
 *
 * <p>Thread-safe; {@link #close()} waits for calls in flight, is idempotent, closes the graph and makes
 * later calls throw {@link IllegalStateException}. Does not draw the palette mark ({@code Colorizers}
 * does).
 */
public final class GraphColorizer implements Colorizer {

    private static final Logger LOG = LoggerFactory.getLogger(GraphColorizer.class);

    private final String backend;
    private final LoadedGraph graph;
    private final ColorPipeline pipeline;
    private final Fidelity fidelity;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    /**
     * A colorizer over a loaded graph; it owns the graph and closes it.
     *
     * @param backend the provider's name, for {@link #backend()} and provenance
     * @param graph the loaded graph
     * @param pipeline the card's colour pipeline
     * @param fidelity how closely to follow the reference pipeline
     */
    public GraphColorizer(String backend, LoadedGraph graph, ColorPipeline pipeline, Fidelity fidelity) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.graph = Objects.requireNonNull(graph, "graph");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.fidelity = Objects.requireNonNull(fidelity, "fidelity");
    }

    @Override
    public String backend() {
        return backend;
    }

    @Override
    public String model() {
        return graph.card().name();
    }

    /**
     * Where the graph runs.
     *
     * @return {@code cpu} or {@code cuda:N}
     */
    public String device() {
        return graph.device();
    }

    @Override
    public ColorizedImage colorize(BufferedImage image, ColorizeOptions options) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(options, "options");
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("this " + backend + " colorizer (" + model() + ") is closed");
            }
            return run(image, options);
        } finally {
            lock.readLock().unlock();
        }
    }

    private ColorizedImage run(BufferedImage image, ColorizeOptions options) {
        ModelCard card = graph.card();
        long t0 = System.nanoTime();
        int w = image.getWidth();
        int h = image.getHeight();
        // Pipelines only read the original (their results are new arrays), so a decoded photo's own
        // pixel array serves without a copy. Other layouts are first converted exactly as a file of
        // them is read (16-bit gray scaled rather than taken for linear light, alpha flattened onto
        // white), so that colorize(image) and colorize(path) see the same pixels; TYPE_INT_RGB passes
        // through that conversion as itself.
        int[] rgb = PixelBuffers.readOnly(PhotoReader.toSrgb(image, false));
        Prepared prepared;
        try {
            prepared = pipeline.prepare(rgb, w, h, renderFactor(card, options, rgb, w, h, fidelity), fidelity);
        } catch (IllegalArgumentException e) {
            // Reference fidelity refuses factors the graph cannot run; say so as a typed error.
            throw new ColorizeException(backend + ", model " + card.name() + ": " + e.getMessage(), e);
        }
        long t1 = System.nanoTime();
        Tensor out = graph.run(prepared.allInputs());
        long t2 = System.nanoTime();
        PostProcessing mode = options.postProcessing() == PostProcessing.MODEL_DEFAULT
                ? card.postProcessing()
                : options.postProcessing();
        int[] pixels = pipeline.finish(prepared, out, (float) options.chromaStrength(), mode);
        BufferedImage result = PixelBuffers.wrap(pixels, w, h); // pixels is ours: no copy
        long t3 = System.nanoTime();
        Timings timings = new Timings(Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1), Duration.ofNanos(t3 - t2));
        Provenance provenance = Provenance.of(
                backend,
                card.name(),
                graph.sha256(),
                usedFactor(card, prepared),
                options.chromaStrength(),
                graph.device(),
                timings);
        return new ColorizedImage(result, provenance);
    }

    /**
     * The factor to prepare with: the caller's, or for {@code auto} what the card's {@link SizeRule}
     * makes of {@link AutoRenderFactor}'s choice (the only factor of a fixed-size graph; in reference
     * fidelity, one whose side the graph accepts).
     */
    static int renderFactor(ModelCard card, ColorizeOptions options, int[] rgb, int w, int h, Fidelity fidelity) {
        if (!options.renderFactor().isAuto()) {
            return options.renderFactor().value().getAsInt();
        }
        IntSupplier photoChoice = () -> {
            AutoRenderFactor.Choice choice = AutoRenderFactor.choose(rgb, w, h, card.defaultRenderFactor());
            LOG.debug("{}", choice.reason());
            return choice.factor();
        };
        return SizeRule.of(card.sizing()).autoFactor(photoChoice, card.defaultRenderFactor(), fidelity);
    }

    /** What provenance records: the factor the card's graph really ran at. */
    static int usedFactor(ModelCard card, Prepared prepared) {
        return SizeRule.of(card.sizing()).usedFactor(prepared.renderFactor());
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                graph.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "GraphColorizer[" + backend + ", " + model() + " on " + graph.device() + "]";
    }
}
