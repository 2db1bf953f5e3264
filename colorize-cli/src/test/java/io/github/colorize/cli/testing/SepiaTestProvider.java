package io.github.colorize.cli.testing;

import io.github.colorize.BackendConfig;
import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.Colorizer;
import io.github.colorize.Provenance;
import io.github.colorize.Timings;
import io.github.colorize.spi.Availability;
import io.github.colorize.spi.ColorizerProvider;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test infrastructure for batch behaviour: a backend named {@value #NAME} that tints photos sepia,
 * deterministically, from their luminance. Only used when named. The system property {@value
 * #DELAY_PROPERTY} (milliseconds) makes every photo slow, for interruption tests. Thread-safe; counts
 * photos in flight so tests can check {@code --jobs}.
 */
public final class SepiaTestProvider implements ColorizerProvider {

    /** The backend name. */
    public static final String NAME = "test-sepia";
    /** System property: a delay per photo, in milliseconds. */
    public static final String DELAY_PROPERTY = "colorize.test.delayMs";

    /** Photos being colourised right now, across all instances. */
    public static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    /** The most photos seen in flight at once since the last {@link #resetCounters()}. */
    public static final AtomicInteger MAX_IN_FLIGHT = new AtomicInteger();
    /** Colorizers created since the last {@link #resetCounters()}. */
    public static final AtomicInteger CREATED = new AtomicInteger();

    /** Resets the counters. */
    public static void resetCounters() {
        IN_FLIGHT.set(0);
        MAX_IN_FLIGHT.set(0);
        CREATED.set(0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return -1000;
    }

    @Override
    public boolean implicitSelectionAllowed() {
        return false;
    }

    @Override
    public Availability availability(BackendConfig config) {
        return Availability.available("sepia tint for tests");
    }

    @Override
    public Colorizer create(BackendConfig config) {
        CREATED.incrementAndGet();
        return new SepiaColorizer(Long.getLong(DELAY_PROPERTY, 0));
    }

    /** The tinting colorizer. */
    static final class SepiaColorizer implements Colorizer {
        private final long delayMs;
        private volatile boolean closed;

        SepiaColorizer(long delayMs) {
            this.delayMs = delayMs;
        }

        @Override
        public String backend() {
            return NAME;
        }

        @Override
        public String model() {
            return "sepia-tint";
        }

        @Override
        public ColorizedImage colorize(BufferedImage image, ColorizeOptions options) {
            if (closed) {
                throw new IllegalStateException("closed");
            }
            int now = IN_FLIGHT.incrementAndGet();
            MAX_IN_FLIGHT.accumulateAndGet(now, Math::max);
            try {
                if (delayMs > 0) {
                    Thread.sleep(delayMs);
                }
                return new ColorizedImage(
                        tint(image, options.chromaStrength()),
                        Provenance.of(
                                NAME,
                                "sepia-tint",
                                null,
                                options.renderFactor().value().orElse(0),
                                options.chromaStrength(),
                                "cpu",
                                new Timings(Duration.ZERO, Duration.ofMillis(delayMs), Duration.ZERO)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } finally {
                IN_FLIGHT.decrementAndGet();
            }
        }

        /** Sepia from luminance: R = L + 24s, G = L + 6s, B = L - 24s, clamped. */
        static BufferedImage tint(BufferedImage image, double strength) {
            int w = image.getWidth();
            int h = image.getHeight();
            int[] px = image.getRGB(0, 0, w, h, null, 0, w);
            for (int i = 0; i < px.length; i++) {
                int r = (px[i] >> 16) & 0xFF;
                int g = (px[i] >> 8) & 0xFF;
                int b = px[i] & 0xFF;
                int l = (299 * r + 587 * g + 114 * b + 500) / 1000;
                px[i] = clamp(l + (int) Math.round(24 * strength)) << 16
                        | clamp(l + (int) Math.round(6 * strength)) << 8
                        | clamp(l - (int) Math.round(24 * strength));
            }
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            out.setRGB(0, 0, w, h, px, 0, w);
            return out;
        }

        private static int clamp(int v) {
            return Math.max(0, Math.min(255, v));
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
