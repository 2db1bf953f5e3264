package io.github.colorize;

import io.github.colorize.internal.hints.HintCorrection;
import io.github.colorize.internal.hints.HintsSidecar;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a person remembers of a photo's colours: a list of {@link ColorHint}s that every backend obeys.
 * After the backend's own result, a correction step spreads the difference between each hint's chroma
 * and the predicted chroma through the region the hint belongs to, following the photo's lightness
 * edges and stopping at them; what no hint reaches stays exactly as the model made it, and the
 * photo's lightness is always kept.
 *
 * <p>Hints live beside a photo in a sidecar file named {@code <photo file name>.hints.json} ({@link
 * #sidecarFor}), in the form {@code {"hints": [{"x": 120, "y": 340, "radius": 2, "color": "#2a4d9b"},
 * {"stroke": [[10, 10], [50, 60]], "width": 8, "color": "#b22222"}]}} described by the JSON Schema
 * {@code io/github/colorize/color-hints.schema.json} in this module's resources.
 *
 * <p>Immutable and thread-safe. Two values are equal when they hold the same hints in the same order;
 * where they were read from does not count.
 */
public final class ColorHints {

    /** The most hints one photo may carry. */
    public static final int MAX_HINTS = 10_000;
    /** The suffix of a sidecar file's name. */
    public static final String SIDECAR_SUFFIX = ".hints.json";

    private static final ColorHints NONE = new ColorHints(List.of(), null, null);

    private final List<ColorHint> hints;
    private final @Nullable Path source;
    private final @Nullable String sourceSha256;

    private ColorHints(List<ColorHint> hints, @Nullable Path source, @Nullable String sourceSha256) {
        this.hints = hints;
        this.source = source;
        this.sourceSha256 = sourceSha256;
    }

    /**
     * No hints: the backend's result unchanged.
     *
     * @return the empty value
     */
    public static ColorHints none() {
        return NONE;
    }

    /**
     * A new, empty builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a sidecar file (see the class description for its form), with the project's bounded JSON
     * reader.
     *
     * @param sidecar the file
     * @return the hints, remembering the file and its SHA-256
     * @throws MalformedHintsException if the file is not valid JSON or not in the hints form; the
     *     message names the file and the JSON path of the problem
     * @throws IOException if the file cannot be read
     */
    public static ColorHints read(Path sidecar) throws IOException {
        HintsSidecar.Parsed parsed = HintsSidecar.read(sidecar);
        return new ColorHints(List.copyOf(parsed.hints()), sidecar, parsed.sha256());
    }

    /**
     * Parses hints from the sidecar's JSON text.
     *
     * @param json the text
     * @return the hints
     * @throws MalformedHintsException if the text is not in the hints form
     */
    public static ColorHints parse(String json) {
        return new ColorHints(List.copyOf(HintsSidecar.parse(json, null)), null, null);
    }

    /**
     * The sidecar file of a photo: {@code grandma.jpg} → {@code grandma.jpg.hints.json}, in the same
     * folder.
     *
     * @param photo the photo file
     * @return the sidecar path (which may not exist)
     */
    public static Path sidecarFor(Path photo) {
        Path name = Objects.requireNonNull(photo.getFileName(), "photo has no file name");
        return photo.resolveSibling(name + SIDECAR_SUFFIX);
    }

    /**
     * Whether a file is named as a sidecar ({@code *.hints.json}, any case), and so is never a photo.
     *
     * @param file a file
     * @return true for a sidecar name
     */
    public static boolean isSidecar(Path file) {
        Path name = file.getFileName();
        return name != null
                && name.toString().toLowerCase(java.util.Locale.ROOT).endsWith(SIDECAR_SUFFIX);
    }

    /**
     * The sidecar's JSON text for these hints, which {@link #parse} reads back to an equal value.
     *
     * @return one line of JSON
     */
    public String toJson() {
        return HintsSidecar.toJson(hints);
    }

    /**
     * Writes these hints as a sidecar file, atomically (a temporary file, then a rename).
     *
     * @param sidecar where to write; an existing file is replaced
     * @throws IOException if writing fails; the target is then untouched
     */
    public void write(Path sidecar) throws IOException {
        HintsSidecar.write(sidecar, toJson());
    }

    /**
     * The hints, in order.
     *
     * @return an unmodifiable list
     */
    public List<ColorHint> hints() {
        return hints;
    }

    /** @return the number of hints */
    public int size() {
        return hints.size();
    }

    /** @return true when there are no hints */
    public boolean isEmpty() {
        return hints.isEmpty();
    }

    /**
     * The sidecar file these hints were read from.
     *
     * @return the path, or empty when built or parsed in memory
     */
    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    /**
     * The SHA-256 of the sidecar file's bytes, as read.
     *
     * @return 64 lower-case hex digits, or empty when not read from a file
     */
    public Optional<String> sourceSha256() {
        return Optional.ofNullable(sourceSha256);
    }

    /**
     * Checks that every hint lies on a photo of this size.
     *
     * @param width photo width in pixels (as displayed)
     * @param height photo height in pixels
     * @throws MalformedHintsException naming the first hint that does not, and the sidecar file
     */
    public void checkFits(int width, int height) {
        for (int i = 0; i < hints.size(); i++) {
            if (!hints.get(i).fits(width, height)) {
                throw new MalformedHintsException(
                        source,
                        "$.hints[" + i + "]",
                        hints.get(i) + " lies outside the " + width + "×" + height + " photo",
                        null);
            }
        }
    }

    /**
     * Applies the hints to a colourised image: the correction step every backend's result goes
     * through. Callable again on a kept prediction (an editor re-renders on every click) without
     * running the model. With no hints the result is a copy of the input, bit for bit.
     *
     * @param colorized the colourised photo (any type; read, never modified)
     * @return a new {@link BufferedImage#TYPE_INT_RGB} image of the same size
     * @throws MalformedHintsException if a hint lies outside the image
     */
    public BufferedImage applyTo(BufferedImage colorized) {
        Objects.requireNonNull(colorized, "colorized");
        checkFits(colorized.getWidth(), colorized.getHeight());
        return HintCorrection.apply(colorized, hints);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColorHints h && hints.equals(h.hints);
    }

    @Override
    public int hashCode() {
        return hints.hashCode();
    }

    @Override
    public String toString() {
        return "ColorHints[" + hints.size() + " hints" + (source == null ? "" : " from " + source.getFileName()) + "]";
    }

    /** Builds {@link ColorHints}. Not thread-safe; use one builder per thread. */
    public static final class Builder {
        private final List<ColorHint> hints = new ArrayList<>();

        private Builder() {}

        /**
         * Adds a hint.
         *
         * @param hint the hint
         * @return this builder
         * @throws IllegalStateException if there would be more than {@link #MAX_HINTS}
         */
        public Builder add(ColorHint hint) {
            Objects.requireNonNull(hint, "hint");
            if (hints.size() >= MAX_HINTS) {
                throw new IllegalStateException("at most " + MAX_HINTS + " hints per photo");
            }
            hints.add(hint);
            return this;
        }

        /**
         * Adds a point hint; see {@link ColorHint#point}.
         *
         * @param x column
         * @param y row
         * @param radius radius in pixels
         * @param rgb packed {@code 0xRRGGBB}
         * @return this builder
         */
        public Builder point(double x, double y, double radius, int rgb) {
            return add(ColorHint.point(x, y, radius, rgb));
        }

        /**
         * Adds a stroke hint; see {@link ColorHint#stroke}.
         *
         * @param points vertices as {@code {x, y}} pairs
         * @param width full width in pixels
         * @param rgb packed {@code 0xRRGGBB}
         * @return this builder
         */
        public Builder stroke(double[][] points, double width, int rgb) {
            return add(ColorHint.stroke(points, width, rgb));
        }

        /**
         * Builds the hints.
         *
         * @return the immutable value
         */
        public ColorHints build() {
            return hints.isEmpty() ? NONE : new ColorHints(List.copyOf(hints), null, null);
        }
    }
}
