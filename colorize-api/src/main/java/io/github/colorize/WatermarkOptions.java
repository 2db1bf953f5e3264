package io.github.colorize;

/**
 * The visible provenance mark: a painter's-palette icon that says "these colours are machine-made",
 * the practice DeOldify and MyHeritage established.
 *
 * <p>Immutable and thread-safe.
 *
 * @param enabled whether to draw the mark (on by default)
 * @param corner where to draw it
 * @param sizeFraction the mark's height as a fraction of the image height (0.05 by default)
 * @param opacity 0 (invisible) to 1 (opaque); 0.85 by default
 */
public record WatermarkOptions(boolean enabled, Corner corner, double sizeFraction, double opacity) {

    /** The image corner the mark sits in. */
    public enum Corner {
        /** Bottom-left, as DeOldify and MyHeritage place it (the default). */
        BOTTOM_LEFT,
        /** Bottom-right. */
        BOTTOM_RIGHT,
        /** Top-left. */
        TOP_LEFT,
        /** Top-right. */
        TOP_RIGHT
    }

    private static final WatermarkOptions DEFAULTS = new WatermarkOptions(true, Corner.BOTTOM_LEFT, 0.05, 0.85);

    /** Validates the components. */
    public WatermarkOptions {
        if (corner == null) {
            throw new NullPointerException("corner");
        }
        if (!(sizeFraction > 0 && sizeFraction <= 0.5)) {
            throw new IllegalArgumentException("sizeFraction must be in (0, 0.5], got " + sizeFraction);
        }
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be in [0, 1], got " + opacity);
        }
    }

    /**
     * The default mark: bottom-left, 5% of the height, 85% opaque.
     *
     * @return the defaults
     */
    public static WatermarkOptions defaults() {
        return DEFAULTS;
    }

    /**
     * No visible mark. Use only when the output is marked otherwise.
     *
     * @return disabled options
     */
    public static WatermarkOptions none() {
        return new WatermarkOptions(false, Corner.BOTTOM_LEFT, 0.05, 0.85);
    }
}
