package io.github.colorize;

/**
 * How photos are read. Immutable.
 *
 * <p>The pixel limit defaults to {@value #DEFAULT_MAX_PIXELS} (200 megapixels): a photo with more
 * pixels is refused with {@link ImageTooLargeException} from its header, before anything is decoded.
 * Raise it for trusted giant scans with {@link #withMaxPixels} (the {@code colorize} command: {@code
 * --max-megapixels}); a decoded photo takes at least 4 bytes of heap per pixel.
 *
 * @param maxPixels the most pixels (width × height) accepted, checked from the header before decoding,
 *     against decompression bombs
 * @param keepAlpha keep an alpha channel ({@code TYPE_INT_ARGB}); otherwise it is flattened onto white
 * @param applyExifOrientation rotate/flip as the EXIF Orientation tag says (what viewers show)
 */
public record ImageReadOptions(long maxPixels, boolean keepAlpha, boolean applyExifOrientation) {

    /** The default pixel limit: 200 megapixels. */
    public static final long DEFAULT_MAX_PIXELS = 200_000_000L;

    private static final ImageReadOptions DEFAULTS = new ImageReadOptions(DEFAULT_MAX_PIXELS, false, true);

    /** Validates the components. */
    public ImageReadOptions {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
    }

    /**
     * 200 MP limit, alpha flattened onto white, EXIF orientation applied.
     *
     * @return the defaults
     */
    public static ImageReadOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The same options with another pixel limit.
     *
     * @param limit the limit
     * @return the new options
     */
    public ImageReadOptions withMaxPixels(long limit) {
        return new ImageReadOptions(limit, keepAlpha, applyExifOrientation);
    }

    /**
     * The same options keeping or flattening alpha.
     *
     * @param keep whether to keep alpha
     * @return the new options
     */
    public ImageReadOptions withKeepAlpha(boolean keep) {
        return new ImageReadOptions(maxPixels, keep, applyExifOrientation);
    }
}
