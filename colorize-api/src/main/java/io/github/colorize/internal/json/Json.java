package io.github.colorize.internal.json;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes JSON (RFC 8259). Stateless; thread-safe.
 *
 * <p>Reading is strict (see {@link JsonReader}) and bounded by {@link JsonLimits}. Values come back as:
 * objects as unmodifiable {@link Map}s in document order, arrays as unmodifiable {@link List}s, strings
 * as {@link String}s, numbers as {@link BigDecimal}s (exact, scale kept, so nothing is lost or
 * rounded), {@code true}/{@code false} as {@link Boolean}s and {@code null} as Java {@code null} (use
 * {@link Map#containsKey} to tell a null member from a missing one).
 *
 * <p>Writing takes the same kinds of values, plus any {@link CharSequence} and {@link Number}, and
 * produces compact JSON on one line that {@link #parse} reads back.
 */
public final class Json {

    private Json() {}

    /**
     * Parses a complete JSON text (one value, optional surrounding whitespace) within {@link
     * JsonLimits#DEFAULT}.
     *
     * @param text the JSON text
     * @return the value, as described on {@link Json}
     * @throws JsonException if the text is not valid JSON or breaks a limit
     */
    public static @Nullable Object parse(String text) {
        return JsonReader.read(text, JsonLimits.DEFAULT);
    }

    /**
     * Parses a complete JSON text within the given limits.
     *
     * @param text the JSON text
     * @param limits the bounds to enforce
     * @return the value, as described on {@link Json}
     * @throws JsonException if the text is not valid JSON or breaks a limit
     */
    public static @Nullable Object parse(String text, JsonLimits limits) {
        return JsonReader.read(text, limits);
    }

    /**
     * Parses a JSON text whose value must be an object, within {@link JsonLimits#DEFAULT}.
     *
     * @param text the JSON text
     * @return the object's members in document order (unmodifiable)
     * @throws JsonException if the text is not valid JSON, breaks a limit or is not an object
     */
    public static Map<String, @Nullable Object> parseObject(String text) {
        return parseObject(text, JsonLimits.DEFAULT);
    }

    /**
     * Parses a JSON text whose value must be an object, within the given limits.
     *
     * @param text the JSON text
     * @param limits the bounds to enforce
     * @return the object's members in document order (unmodifiable)
     * @throws JsonException if the text is not valid JSON, breaks a limit or is not an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, @Nullable Object> parseObject(String text, JsonLimits limits) {
        Object value = JsonReader.read(text, limits);
        if (!(value instanceof Map)) {
            throw new JsonException("expected a JSON object, got " + typeName(value), 0);
        }
        return (Map<String, @Nullable Object>) value;
    }

    /**
     * Writes a value as compact JSON on one line: no line breaks, control characters and lone
     * surrogates escaped, members in the map's iteration order.
     *
     * @param value a {@link Map} with {@link CharSequence} keys, a {@link List}, a {@link CharSequence},
     *     a {@link Number}, a {@link Boolean} or null, nested at most {@link JsonLimits#DEFAULT}'s depth.
     *     Doubles and floats are written by {@link Double#toString(double)}, NaN and infinities as
     *     {@code null}; {@link BigDecimal} and {@link java.math.BigInteger} exactly; other numbers by
     *     {@link Number#longValue()}
     * @return the JSON text
     * @throws IllegalArgumentException if the value holds anything else, or nests too deeply (a map or
     *     list that contains itself, say)
     */
    public static String write(@Nullable Object value) {
        return JsonWriter.write(value, JsonLimits.DEFAULT.maxDepth());
    }

    /**
     * A short name for a parsed value's JSON type, for messages.
     *
     * @param value a value as {@link #parse} returns them
     * @return {@code object}, {@code array}, {@code string}, {@code number}, {@code boolean} or {@code
     *     null}
     */
    public static String typeName(@Nullable Object value) {
        if (value instanceof Map) {
            return "object";
        } else if (value instanceof List) {
            return "array";
        } else if (value instanceof String) {
            return "string";
        } else if (value instanceof Number) {
            return "number";
        } else if (value instanceof Boolean) {
            return "boolean";
        }
        return "null";
    }
}
