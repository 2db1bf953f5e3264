package io.github.colorize;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One colour hint: "this spot (or this line) was this colour". A point hint is a disc of a radius
 * around a pixel; a stroke hint is a polyline with a width. Coordinates are pixels of the photo as
 * displayed (EXIF orientation applied), origin at the top-left corner, x to the right, y down; a pixel
 * belongs to the hint when its centre lies within the radius (or half the width) of the point (or the
 * polyline). Only the colour's chroma (CIE a*b*) is used: the photo's own lightness is always kept.
 *
 * <p>Immutable and thread-safe. Create with {@link #point} or {@link #stroke}; collect in {@link
 * ColorHints}.
 */
public final class ColorHint {

    /** The largest radius, or half-width, a hint may have, in pixels. */
    public static final double MAX_RADIUS = 4096;
    /** The most vertices a stroke may have. */
    public static final int MAX_STROKE_POINTS = 4096;

    private final double[] xs;
    private final double[] ys;
    private final double radius;
    private final int rgb;
    private final boolean stroke;

    private ColorHint(double[] xs, double[] ys, double radius, int rgb, boolean stroke) {
        this.xs = xs;
        this.ys = ys;
        this.radius = radius;
        this.rgb = rgb & 0xFFFFFF;
        this.stroke = stroke;
    }

    /**
     * A point hint.
     *
     * @param x column of the centre, in displayed-photo pixels
     * @param y row of the centre
     * @param radius radius in pixels, 0 (the one pixel) to {@link #MAX_RADIUS}
     * @param rgb the colour, packed {@code 0xRRGGBB} (a higher byte is ignored)
     * @return the hint
     * @throws IllegalArgumentException if a coordinate is not finite or the radius is out of range
     */
    public static ColorHint point(double x, double y, double radius, int rgb) {
        checkCoordinate(x, y);
        checkRadius(radius, "radius");
        return new ColorHint(new double[] {x}, new double[] {y}, radius, rgb, false);
    }

    /**
     * A stroke hint: a polyline of at least one vertex with a width.
     *
     * @param points vertices as {@code {x, y}} pairs, in displayed-photo pixels
     * @param width the line's full width in pixels, 0 to {@code 2·}{@link #MAX_RADIUS}
     * @param rgb the colour, packed {@code 0xRRGGBB}
     * @return the hint
     * @throws IllegalArgumentException if there are no vertices, too many, a vertex is not a finite pair,
     *     or the width is out of range
     */
    public static ColorHint stroke(double[][] points, double width, int rgb) {
        Objects.requireNonNull(points, "points");
        if (points.length == 0 || points.length > MAX_STROKE_POINTS) {
            throw new IllegalArgumentException(
                    "a stroke needs 1 to " + MAX_STROKE_POINTS + " points, got " + points.length);
        }
        checkRadius(width / 2, "half the width");
        double[] xs = new double[points.length];
        double[] ys = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            double[] p = Objects.requireNonNull(points[i], "point");
            if (p.length != 2) {
                throw new IllegalArgumentException(
                        "stroke point " + i + " must be [x, y], got " + p.length + " numbers");
            }
            checkCoordinate(p[0], p[1]);
            xs[i] = p[0];
            ys[i] = p[1];
        }
        return new ColorHint(xs, ys, width / 2, rgb, true);
    }

    /**
     * Parses a colour written {@code #rrggbb} (hex digits, either case).
     *
     * @param text the colour
     * @return packed {@code 0xRRGGBB}
     * @throws IllegalArgumentException if the text is not of that form
     */
    public static int parseColor(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() != 7 || text.charAt(0) != '#') {
            throw new IllegalArgumentException("colour must be written #rrggbb, got '" + excerpt(text) + "'");
        }
        int v = 0;
        for (int i = 1; i < 7; i++) {
            int d = Character.digit(text.charAt(i), 16);
            if (d < 0) {
                throw new IllegalArgumentException("colour must be written #rrggbb, got '" + excerpt(text) + "'");
            }
            v = v << 4 | d;
        }
        return v;
    }

    private static String excerpt(String s) {
        return s.length() <= 16 ? s : s.substring(0, 16) + "…";
    }

    private static void checkCoordinate(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("coordinates must be finite, got (" + x + ", " + y + ")");
        }
    }

    private static void checkRadius(double r, String what) {
        if (!(r >= 0 && r <= MAX_RADIUS)) {
            throw new IllegalArgumentException(what + " must be in [0, " + MAX_RADIUS + "], got " + r);
        }
    }

    /** @return true for a stroke, false for a point */
    public boolean isStroke() {
        return stroke;
    }

    /** @return 1 for a point, the number of vertices for a stroke */
    public int pointCount() {
        return xs.length;
    }

    /**
     * @param i vertex index, 0 for a point
     * @return its column
     */
    public double x(int i) {
        return xs[i];
    }

    /**
     * @param i vertex index, 0 for a point
     * @return its row
     */
    public double y(int i) {
        return ys[i];
    }

    /** @return the radius of a point, half the width of a stroke, in pixels */
    public double radius() {
        return radius;
    }

    /** @return the full width of a stroke, the diameter of a point */
    public double width() {
        return radius * 2;
    }

    /** @return the colour, packed {@code 0xRRGGBB} */
    public int rgb() {
        return rgb;
    }

    /** @return the colour as {@code #rrggbb} (lower case) */
    public String colorHex() {
        return String.format(Locale.ROOT, "#%06x", rgb);
    }

    /**
     * Whether the hint's centre (every vertex, for a stroke) lies on a photo of this size.
     *
     * @param width photo width in pixels
     * @param height photo height in pixels
     * @return true if it fits
     */
    public boolean fits(int width, int height) {
        for (int i = 0; i < xs.length; i++) {
            if (!(xs[i] > -0.5 && xs[i] < width - 0.5 && ys[i] > -0.5 && ys[i] < height - 0.5)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColorHint h
                && stroke == h.stroke
                && rgb == h.rgb
                && Double.compare(radius, h.radius) == 0
                && Arrays.equals(xs, h.xs)
                && Arrays.equals(ys, h.ys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(stroke, rgb, radius, Arrays.hashCode(xs), Arrays.hashCode(ys));
    }

    @Override
    public String toString() {
        if (!stroke) {
            return "point(" + xs[0] + ", " + ys[0] + ", r=" + radius + ", " + colorHex() + ")";
        }
        return "stroke(" + xs.length + " points from (" + xs[0] + ", " + ys[0] + "), width=" + width() + ", "
                + colorHex() + ")";
    }
}
