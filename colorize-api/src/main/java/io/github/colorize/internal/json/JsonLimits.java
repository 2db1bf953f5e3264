package io.github.colorize.internal.json;

/**
 * Bounds that keep a parse cheap whatever the input: a hostile text can make the reader neither
 * recurse deeply nor work on more than {@link #maxLength} chars. Immutable; thread-safe.
 *
 * @param maxLength the longest text accepted, in chars
 * @param maxDepth how deeply arrays and objects may nest: {@code 1} accepts a flat object or array,
 *     {@code 0} only a lone string, number or literal; at most {@link #DEPTH_CEILING}
 */
public record JsonLimits(int maxLength, int maxDepth) {

    /**
     * No limit may allow deeper nesting than this: the reader recurses once per level, and this many
     * levels fit any thread's stack comfortably.
     */
    public static final int DEPTH_CEILING = 1000;

    /** 16 Mi chars and 64 levels: far beyond any card file, service answer or log line we read. */
    public static final JsonLimits DEFAULT = new JsonLimits(16 << 20, 64);

    /** Checks the bounds. */
    public JsonLimits {
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must not be negative: " + maxLength);
        }
        if (maxDepth < 0 || maxDepth > DEPTH_CEILING) {
            throw new IllegalArgumentException("maxDepth must be in [0, " + DEPTH_CEILING + "]: " + maxDepth);
        }
    }

    /**
     * These limits with another nesting depth.
     *
     * @param depth the new {@link #maxDepth}
     * @return the new limits
     */
    public JsonLimits withMaxDepth(int depth) {
        return new JsonLimits(maxLength, depth);
    }

    /**
     * These limits with another text length.
     *
     * @param length the new {@link #maxLength}
     * @return the new limits
     */
    public JsonLimits withMaxLength(int length) {
        return new JsonLimits(length, maxDepth);
    }
}
