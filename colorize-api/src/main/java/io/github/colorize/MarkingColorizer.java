package io.github.colorize;

import io.github.colorize.internal.provenance.PaletteMark;
import java.awt.image.BufferedImage;
import java.time.Duration;

/**
 * Applies the visible palette mark to every result when the options ask for it (the default), so that
 * every backend marks its output the same way. Thread-safe if the delegate is.
 */
final class MarkingColorizer implements Colorizer {

    private final Colorizer delegate;

    private MarkingColorizer(Colorizer delegate) {
        this.delegate = delegate;
    }

    static Colorizer wrap(Colorizer colorizer) {
        return colorizer instanceof MarkingColorizer ? colorizer : new MarkingColorizer(colorizer);
    }

    @Override
    public String backend() {
        return delegate.backend();
    }

    @Override
    public String model() {
        return delegate.model();
    }

    @Override
    public ColorizedImage colorize(BufferedImage image, ColorizeOptions options) {
        ColorizedImage result = delegate.colorize(image, options);
        if (!options.watermark().enabled()) {
            return result;
        }
        long start = System.nanoTime();
        PaletteMark.draw(result.image(), options.watermark());
        Duration spent = Duration.ofNanos(System.nanoTime() - start);
        Provenance p = result.provenance();
        return result.withProvenance(p.withTimings(p.timings().plusPostprocess(spent)));
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
