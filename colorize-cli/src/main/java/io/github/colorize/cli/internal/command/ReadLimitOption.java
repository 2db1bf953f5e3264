package io.github.colorize.cli.internal.command;

import io.github.colorize.ImageReadOptions;
import picocli.CommandLine.Option;

/**
 * {@code --max-megapixels}: the pixel limit of {@link ImageReadOptions}, a guard against decompression
 * bombs, checked from a photo's header before it is decoded. Not thread-safe.
 */
final class ReadLimitOption {

    /** The default limit in megapixels, as the library's. */
    static final long DEFAULT_MEGAPIXELS = ImageReadOptions.DEFAULT_MAX_PIXELS / 1_000_000;

    /** No photo anyone could decode in a Java heap comes near this; it keeps the product in a long. */
    private static final double MAX_MEGAPIXELS = 1_000_000;

    @Option(
            names = "--max-megapixels",
            paramLabel = "MP",
            description = "Refuse photos larger than this, checked before decoding (default: "
                    + DEFAULT_MEGAPIXELS + "; a guard against decompression bombs). Raise it for trusted"
                    + " giant scans; each needs at least 4 bytes per pixel of Java heap (JAVA_OPTS=-Xmx...).")
    double maxMegapixels = DEFAULT_MEGAPIXELS;

    /**
     * How photos are read.
     *
     * @return the defaults with this pixel limit
     * @throws UsageError if the limit is not a positive number of megapixels
     */
    ImageReadOptions readOptions() {
        if (!(maxMegapixels > 0) || maxMegapixels > MAX_MEGAPIXELS) {
            throw new UsageError("--max-megapixels must be a number above 0 and at most " + (long) MAX_MEGAPIXELS
                    + ", got " + maxMegapixels);
        }
        long pixels = Math.max(1, Math.round(maxMegapixels * 1_000_000));
        return ImageReadOptions.defaults().withMaxPixels(pixels);
    }
}
