package io.github.colorize;

import io.github.colorize.internal.provenance.PaletteMark;
import java.awt.image.BufferedImage;
import java.time.Duration;

/**
 * The one place every backend's result passes through: corrects it to the options' colour hints
 * ({@link ColorHints#applyTo}), then applies the visible palette mark when the options ask for it (the
 * default), so that every backend, local or remote, obeys hints and marks its output the same way, the
 * mark always last. Thread-safe if the delegate is.
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
        ColorHints hints = options.hints();
        // Checked before the backend runs: a bad hint fails fast, without a wasted (or uploaded) photo.
        hints.checkFits(image.getWidth(), image.getHeight());
        ColorizedImage result = delegate.colorize(image, options);
        if (!hints.isEmpty()) {
            long start = System.nanoTime();
            BufferedImage corrected = hints.applyTo(result.image());
            Duration spent = Duration.ofNanos(System.nanoTime() - start);
            Provenance p = result.provenance();
            result = new ColorizedImage(
                    corrected, p.withTimings(p.timings().plusPostprocess(spent)).withHints(hints));
        }
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
