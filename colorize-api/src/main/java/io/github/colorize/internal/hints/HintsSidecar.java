package io.github.colorize.internal.hints;

import io.github.colorize.ColorHint;
import io.github.colorize.ColorHints;
import io.github.colorize.MalformedHintsException;
import io.github.colorize.internal.io.AtomicFiles;
import io.github.colorize.internal.io.Sha256;
import io.github.colorize.internal.json.Json;
import io.github.colorize.internal.json.JsonException;
import io.github.colorize.internal.json.JsonLimits;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes hint sidecar files ({@code <photo>.hints.json}) with the project's bounded JSON
 * reader. Every error is a {@link MalformedHintsException} naming the file and the JSON path of the
 * problem. Stateless; thread-safe.
 */
public final class HintsSidecar {

    /** The largest sidecar read: far more than {@link ColorHints#MAX_HINTS} hints need. */
    static final int MAX_BYTES = 4 << 20;

    private static final JsonLimits LIMITS =
            JsonLimits.DEFAULT.withMaxLength(MAX_BYTES).withMaxDepth(8);
    private static final Set<String> POINT_KEYS = Set.of("x", "y", "radius", "color");
    private static final Set<String> STROKE_KEYS = Set.of("stroke", "width", "color");
    /** A point's radius when the sidecar leaves it out: SIGGRAPH17's 5×5 reveal. */
    static final double DEFAULT_RADIUS = 2;
    /** A stroke's width when the sidecar leaves it out. */
    static final double DEFAULT_WIDTH = 4;

    /** A sidecar's hints and the SHA-256 of its bytes. */
    public record Parsed(List<ColorHint> hints, String sha256) {}

    private HintsSidecar() {}

    /**
     * Reads a sidecar file.
     *
     * @param file the file
     * @return its hints and hash
     * @throws IOException if it cannot be read
     * @throws MalformedHintsException if it is too large, not UTF-8, not JSON or not in the hints form
     */
    public static Parsed read(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new MalformedHintsException(file, "$", "larger than " + MAX_BYTES + " bytes", null);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedHintsException(file, "$", "not UTF-8 text", null);
        }
        return new Parsed(parse(text, file), Sha256.of(bytes));
    }

    /**
     * Parses a sidecar's text.
     *
     * @param text the JSON text
     * @param file the file it came from, for messages, or null
     * @return the hints in order
     * @throws MalformedHintsException if the text is not in the hints form
     */
    public static List<ColorHint> parse(String text, @Nullable Path file) {
        Map<String, @Nullable Object> root;
        try {
            root = Json.parseObject(text, LIMITS);
        } catch (JsonException e) {
            throw new MalformedHintsException(file, "$", e.getMessage(), null);
        }
        if (!root.containsKey("hints")) {
            throw new MalformedHintsException(file, "$", "missing member \"hints\"", null);
        }
        if (!(root.get("hints") instanceof List<?> list)) {
            throw new MalformedHintsException(
                    file, "$.hints", "expected an array, got " + Json.typeName(root.get("hints")), null);
        }
        if (list.size() > ColorHints.MAX_HINTS) {
            throw new MalformedHintsException(file, "$.hints", "more than " + ColorHints.MAX_HINTS + " hints", null);
        }
        List<ColorHint> hints = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            hints.add(hint(list.get(i), "$.hints[" + i + "]", file));
        }
        return hints;
    }

    private static ColorHint hint(@Nullable Object value, String place, @Nullable Path file) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new MalformedHintsException(file, place, "expected an object, got " + Json.typeName(value), null);
        }
        boolean stroke = m.containsKey("stroke");
        Set<String> allowed = stroke ? STROKE_KEYS : POINT_KEYS;
        for (Object key : m.keySet()) {
            if (!allowed.contains(key)) {
                throw new MalformedHintsException(
                        file,
                        place + "." + key,
                        "unknown member for a " + (stroke ? "stroke" : "point") + " hint; expected "
                                + (stroke ? "stroke, width, color" : "x, y, radius, color"),
                        null);
            }
        }
        int rgb = color(m, place, file);
        try {
            if (stroke) {
                double width = m.containsKey("width") ? number(m.get("width"), place + ".width", file) : DEFAULT_WIDTH;
                return ColorHint.stroke(points(m.get("stroke"), place + ".stroke", file), width, rgb);
            }
            double x = number(required(m, "x", place, file), place + ".x", file);
            double y = number(required(m, "y", place, file), place + ".y", file);
            double r = m.containsKey("radius") ? number(m.get("radius"), place + ".radius", file) : DEFAULT_RADIUS;
            return ColorHint.point(x, y, r, rgb);
        } catch (IllegalArgumentException e) {
            throw new MalformedHintsException(file, place, e.getMessage(), null);
        }
    }

    private static int color(Map<?, ?> m, String place, @Nullable Path file) {
        Object c = required(m, "color", place, file);
        if (!(c instanceof String s)) {
            throw new MalformedHintsException(
                    file, place + ".color", "expected a string \"#rrggbb\", got " + Json.typeName(c), null);
        }
        try {
            return ColorHint.parseColor(s);
        } catch (IllegalArgumentException e) {
            throw new MalformedHintsException(file, place + ".color", e.getMessage(), null);
        }
    }

    private static @Nullable Object required(Map<?, ?> m, String key, String place, @Nullable Path file) {
        if (!m.containsKey(key)) {
            throw new MalformedHintsException(file, place, "missing member \"" + key + "\"", null);
        }
        return m.get(key);
    }

    private static double number(@Nullable Object v, String place, @Nullable Path file) {
        if (!(v instanceof BigDecimal d)) {
            throw new MalformedHintsException(file, place, "expected a number, got " + Json.typeName(v), null);
        }
        double x = d.doubleValue();
        if (!Double.isFinite(x)) {
            throw new MalformedHintsException(file, place, "number out of range", null);
        }
        return x;
    }

    private static double[][] points(@Nullable Object v, String place, @Nullable Path file) {
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            throw new MalformedHintsException(
                    file,
                    place,
                    "expected a non-empty array of [x, y] pairs, got " + Json.typeName(v)
                            + (v instanceof List ? " (empty)" : ""),
                    null);
        }
        if (list.size() > ColorHint.MAX_STROKE_POINTS) {
            throw new MalformedHintsException(
                    file, place, "more than " + ColorHint.MAX_STROKE_POINTS + " points", null);
        }
        double[][] pts = new double[list.size()][];
        for (int i = 0; i < pts.length; i++) {
            String at = place + "[" + i + "]";
            if (!(list.get(i) instanceof List<?> pair) || pair.size() != 2) {
                throw new MalformedHintsException(file, at, "expected a pair [x, y]", null);
            }
            pts[i] = new double[] {number(pair.get(0), at + "[0]", file), number(pair.get(1), at + "[1]", file)};
        }
        return pts;
    }

    /**
     * The sidecar text of some hints.
     *
     * @param hints the hints
     * @return one line of JSON that {@link #parse} reads back to equal hints
     */
    public static String toJson(List<ColorHint> hints) {
        List<Object> out = new ArrayList<>(hints.size());
        for (ColorHint h : hints) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (h.isStroke()) {
                List<Object> pts = new ArrayList<>(h.pointCount());
                for (int i = 0; i < h.pointCount(); i++) {
                    pts.add(List.of(num(h.x(i)), num(h.y(i))));
                }
                m.put("stroke", pts);
                m.put("width", num(h.width()));
            } else {
                m.put("x", num(h.x(0)));
                m.put("y", num(h.y(0)));
                m.put("radius", num(h.radius()));
            }
            m.put("color", h.colorHex());
            out.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("hints", out);
        return Json.write(root);
    }

    private static Number num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Number) (long) v : (Number) v;
    }

    /**
     * Writes a sidecar atomically.
     *
     * @param file the target
     * @param json its text
     * @throws IOException if writing fails; the target is then untouched
     */
    public static void write(Path file, String json) throws IOException {
        Path part = AtomicFiles.newPartFile(file);
        try {
            Files.writeString(part, json + "\n", StandardCharsets.UTF_8);
            AtomicFiles.moveIntoPlace(part, file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
    }
}
