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
    /**
     * System property: a file that holds photos back while it exists (after the first photo), so that a
     * test can keep a run busy for exactly as long as it needs, however slow the machine is.
     */
    public static final String GATE_PROPERTY = "colorize.test.gate";

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
        String gate = System.getProperty(GATE_PROPERTY);
        return new SepiaColorizer(Long.getLong(DELAY_PROPERTY, 0), gate == null ? null : java.nio.file.Path.of(gate));
    }

    /** The tinting colorizer. */
    static final class SepiaColorizer implements Colorizer {
        private final long delayMs;
        private final java.nio.file.Path gate;
        private final AtomicInteger started = new AtomicInteger();
        private volatile boolean closed;

        SepiaColorizer(long delayMs, java.nio.file.Path gate) {
            this.delayMs = delayMs;
            this.gate = gate;
        }

        private void waitAtGate() throws InterruptedException {
            if (gate == null || started.getAndIncrement() == 0) {
                return;
            }
            long deadline = System.nanoTime() + 300_000_000_000L; // bounded: never hang a build
            while (java.nio.file.Files.exists(gate) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
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
                waitAtGate();
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
