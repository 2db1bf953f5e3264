package io.github.colorize;

import java.util.OptionalInt;

/**
 * DeOldify's render factor: the model works on a square of side {@code 16 × factor} pixels (7 → 112
 * px, 35 → 560 px, 45 → 720 px), or {@link #auto()} to let the library choose per photo.
 *
 * <p>Lower factors are faster and give more vivid colour, and suit old, small or noisy scans; higher
 * factors suit sharp, large photos but may wash colours out. Immutable and thread-safe.
 */
public final class RenderFactor {

    /** The smallest factor (112 px). */
    public static final int MIN = 7;
    /** The largest factor (720 px). */
    public static final int MAX = 45;
    /** Pixels per factor step, as in DeOldify. */
    public static final int BASE = 16;

    private static final RenderFactor AUTO = new RenderFactor(0);

    private final int value;

    private RenderFactor(int value) {
        this.value = value;
    }

    /**
     * A fixed factor.
     *
     * @param factor between {@link #MIN} and {@link #MAX}
     * @return the factor
     * @throws IllegalArgumentException if out of range
     */
    public static RenderFactor of(int factor) {
        if (factor < MIN || factor > MAX) {
            throw new IllegalArgumentException(
                    "render factor must be between " + MIN + " and " + MAX + " (or auto), got " + factor);
        }
        return new RenderFactor(factor);
    }

    /**
     * Let the library choose a factor per photo, from its size and quality.
     *
     * @return the automatic factor
     */
    public static RenderFactor auto() {
        return AUTO;
    }

    /**
     * Parses {@code "auto"} or an integer.
     *
     * @param text the text
     * @return the factor
     * @throws IllegalArgumentException if neither
     */
    public static RenderFactor parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("auto")) {
            return AUTO;
        }
        try {
            return of(Integer.parseInt(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("render factor must be an integer or 'auto', got '" + text + "'", e);
        }
    }

    /**
     * Whether the library chooses.
     *
     * @return true for {@link #auto()}
     */
    public boolean isAuto() {
        return value == 0;
    }

    /**
     * The fixed factor, if any.
     *
     * @return the factor, or empty for auto
     */
    public OptionalInt value() {
        return isAuto() ? OptionalInt.empty() : OptionalInt.of(value);
    }

    /**
     * The model side in pixels ({@code 16 × factor}).
     *
     * @return the side
     * @throws IllegalStateException for auto
     */
    public int side() {
        if (isAuto()) {
            throw new IllegalStateException("auto render factor has no fixed side");
        }
        return BASE * value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RenderFactor other && other.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    @Override
    public String toString() {
        return isAuto() ? "auto" : Integer.toString(value);
    }
}
