package io.github.colorize.video.testing;

import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.Colorizer;
import io.github.colorize.Provenance;
import io.github.colorize.Timings;
import io.github.colorize.internal.color.OpenCvYuv;
import io.github.colorize.internal.image.PixelBuffers;
import java.awt.image.BufferedImage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic stand-in for a colourisation model that flickers the way real ones do: each pixel's
 * chroma is a fixed function of its luma (so the same content always gets the same hue), plus a
 * global tint that depends on a hash of the whole frame, so that any change anywhere in the frame
 * (a moving object) shifts the colours everywhere, also where nothing moved. Luminance is kept
 * exactly (OpenCV YUV). Thread-safe.
 */
public final class FlickerStubColorizer implements Colorizer {

    /** Peak tint change between frames, in YUV chroma levels. */
    public static final int TINT = 12;

    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean closed;

    @Override
    public String backend() {
        return "stub";
    }

    @Override
    public String model() {
        return "flicker-stub";
    }

    /** @return how many frames were colourised */
    public int calls() {
        return calls.get();
    }

    @Override
    public ColorizedImage colorize(BufferedImage image, ColorizeOptions options) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        calls.incrementAndGet();
        int[] rgb = PixelBuffers.rgb(image);
        long hash = 1125899906842597L;
        for (int i = 0; i < rgb.length; i += 7) {
            hash = 31 * hash + (rgb[i] & 0xFF);
        }
        hash ^= hash >>> 29;
        hash *= 0xBF58476D1CE4E5B9L;
        hash ^= hash >>> 32;
        int tintU = (int) Math.floorMod(hash, 2 * TINT + 1) - TINT;
        int tintV = (int) Math.floorMod(hash >>> 16, 2 * TINT + 1) - TINT;
        double s = options.chromaStrength();
        int[] out = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int y = (OpenCvYuv.rgbToYuv(rgb[i]) >> 16) & 0xFF;
            int u = clamp(128 + (int) Math.round(s * (30 * Math.sin(y / 25.0) + tintU)));
            int v = clamp(128 + (int) Math.round(s * (30 * Math.cos(y / 35.0) + tintV)));
            out[i] = OpenCvYuv.yuvToRgb(y << 16 | u << 8 | v);
        }
        Provenance p = Provenance.of(backend(), model(), null, 0, s, "cpu", Timings.ZERO);
        return new ColorizedImage(PixelBuffers.toImage(out, image.getWidth(), image.getHeight()), p);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    @Override
    public void close() {
        closed = true;
    }
}
