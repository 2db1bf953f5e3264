package io.github.colorize.testkit;

import io.github.colorize.BackendConfig;
import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.Colorizer;
import io.github.colorize.Provenance;
import io.github.colorize.Timings;
import io.github.colorize.spi.Availability;
import io.github.colorize.spi.ColorizerProvider;
import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A small but honest backend for testing the contract suite itself: keeps each pixel's luma and adds
 * a warm tint scaled by the chroma strength. Config key {@code tint} must be {@code warm} to be
 * available.
 */
public class TintProvider implements ColorizerProvider {

    @Override
    public String name() {
        return "tint";
    }

    @Override
    public int priority() {
        return 1;
    }

    @Override
    public Availability availability(BackendConfig config) {
        return "warm".equals(config.get("tint", "warm"))
                ? Availability.available("warm tint")
                : Availability.unavailable("only the warm tint exists");
    }

    @Override
    public Colorizer create(BackendConfig config) {
        if (!availability(config).available()) {
            throw new io.github.colorize.BackendUnavailableException(
                    name(), availability(config).reason());
        }
        return new TintColorizer();
    }

    /** The colorizer: stateless apart from its closed flag. */
    protected static class TintColorizer implements Colorizer {
        private final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public String backend() {
            return "tint";
        }

        @Override
        public String model() {
            return "warm-tint";
        }

        @Override
        public ColorizedImage colorize(BufferedImage image, ColorizeOptions options) {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(options, "options");
            if (closed.get()) {
                throw new IllegalStateException("closed");
            }
            int w = image.getWidth();
            int h = image.getHeight();
            int[] px = image.getRGB(0, 0, w, h, null, 0, w);
            double s = options.chromaStrength();
            for (int i = 0; i < px.length; i++) {
                int p = px[i];
                int l = (19595 * ((p >> 16) & 0xFF) + 38470 * ((p >> 8) & 0xFF) + 7471 * (p & 0xFF) + 32768) >> 16;
                int r = clamp(l + (int) Math.round(20 * s));
                int b = clamp(l - (int) Math.round(20 * s));
                px[i] = (r << 16) | (l << 8) | b;
            }
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            out.setRGB(0, 0, w, h, px, 0, w);
            int factor = options.renderFactor().value().orElse(20);
            return new ColorizedImage(out, Provenance.of("tint", model(), null, factor, s, "cpu", Timings.ZERO));
        }

        private static int clamp(int v) {
            return Math.max(0, Math.min(255, v));
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }
}
