package io.github.colorize.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The compact writer behind {@link Json#write}: one line, no spaces, members in the map's iteration
 * order. Stateless; thread-safe.
 */
final class JsonWriter {

    private JsonWriter() {}

    static String write(@Nullable Object value, int maxDepth) {
        StringBuilder sb = new StringBuilder();
        append(sb, value, 0, maxDepth);
        return sb.toString();
    }

    private static void append(StringBuilder sb, @Nullable Object value, int depth, int maxDepth) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof CharSequence s) {
            appendString(sb, s);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            // JSON has no NaN or infinity; null is what readers of our reports expect instead.
            sb.append(Double.isFinite(d) ? Double.toString(d) : "null");
        } else if (value instanceof BigDecimal || value instanceof BigInteger) {
            sb.append(value); // toString is valid JSON number syntax for both
        } else if (value instanceof Number n) {
            sb.append(n.longValue()); // Integer, Long, Short, Byte and the atomic counters
        } else if (value instanceof Boolean b) {
            sb.append(b.booleanValue());
        } else if (value instanceof Map<?, ?> map) {
            checkDepth(depth, maxDepth);
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof CharSequence key)) {
                    throw new IllegalArgumentException("a JSON member name must be a string, not "
                            + (e.getKey() == null
                                    ? "null"
                                    : e.getKey().getClass().getName()));
                }
                if (!first) {
                    sb.append(',');
                }
                first = false;
                appendString(sb, key);
                sb.append(':');
                append(sb, e.getValue(), depth + 1, maxDepth);
            }
            sb.append('}');
        } else if (value instanceof List<?> list) {
            checkDepth(depth, maxDepth);
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                append(sb, list.get(i), depth + 1, maxDepth);
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException(
                    "cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    /** Refuses what the reader would refuse; this also stops a map or list that contains itself. */
    private static void checkDepth(int depth, int maxDepth) {
        if (depth >= maxDepth) {
            throw new IllegalArgumentException("cannot write JSON nested deeper than " + maxDepth);
        }
    }

    private static void appendString(StringBuilder sb, CharSequence s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    // Control characters and lone surrogates are escaped, so the text is one line and
                    // encodes to valid UTF-8.
                    if (c < 0x20 || Character.isSurrogate(c) && !isPairedSurrogate(s, i)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static boolean isPairedSurrogate(CharSequence s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
