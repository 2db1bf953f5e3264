package io.github.colorize.internal.json;

import io.github.colorize.internal.text.SafeText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The strict RFC 8259 parser behind {@link Json#parse}. One instance reads one text; not thread-safe,
 * which is why it is only reached through {@link Json}.
 *
 * <p>Strict means: only space, tab, CR and LF as whitespace; no comments, trailing commas, single
 * quotes, leading zeros, {@code NaN} or bare words; control characters must be escaped; a duplicate
 * member name is an error (two readers could otherwise disagree on its value).
 */
final class JsonReader {

    /**
     * The longest number text accepted. Parsing a {@link BigDecimal} costs more than linear time in its
     * digits, so a text of one huge number must not get the whole {@link JsonLimits#maxLength}.
     */
    static final int MAX_NUMBER_CHARS = 1000;

    /**
     * The largest {@link BigDecimal#scale()} magnitude accepted: {@code 1e999999999} is three bytes of
     * text, but {@code toPlainString()} or {@code toBigInteger()} on it would allocate a billion digits.
     * Ten thousand is far outside double range either way.
     */
    static final int MAX_SCALE = 10_000;

    private static final int KEY_CHARS_IN_MESSAGES = 40;

    private final String text;
    private final int maxDepth;
    private int pos;

    private JsonReader(String text, int maxDepth) {
        this.text = text;
        this.maxDepth = maxDepth;
    }

    static @Nullable Object read(String text, JsonLimits limits) {
        if (text.length() > limits.maxLength()) {
            throw new JsonException(
                    "the text is " + text.length() + " chars long, more than the limit of " + limits.maxLength(), 0);
        }
        JsonReader r = new JsonReader(text, limits.maxDepth());
        r.skipWhitespace();
        Object value = r.value(0);
        r.skipWhitespace();
        if (r.pos != text.length()) {
            throw r.error("unexpected text after the JSON value");
        }
        return value;
    }

    /** Reads the value at {@link #pos}; {@code depth} counts the arrays and objects around it. */
    private @Nullable Object value(int depth) {
        char c = peek();
        switch (c) {
            case '{':
                return object(enter(depth));
            case '[':
                return array(enter(depth));
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error(pos >= text.length() ? "unexpected end of input" : "unexpected character " + describe(c));
        }
    }

    private int enter(int depth) {
        if (depth >= maxDepth) {
            throw error("nesting deeper than " + maxDepth);
        }
        return depth + 1;
    }

    private Map<String, @Nullable Object> object(int depth) {
        pos++; // '{'
        Map<String, @Nullable Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return Collections.unmodifiableMap(members);
        }
        while (true) {
            skipWhitespace();
            int keyAt = pos;
            if (peek() != '"') {
                throw error("expected a member name in quotes");
            }
            String name = string();
            if (members.containsKey(name)) {
                pos = keyAt;
                throw error("duplicate member name " + quoteForMessage(name));
            }
            skipWhitespace();
            expect(':');
            skipWhitespace();
            members.put(name, value(depth));
            skipWhitespace();
            char c = peek();
            if (c == '}') {
                pos++;
                return Collections.unmodifiableMap(members);
            } else if (c != ',') {
                throw error("expected ',' or '}'");
            }
            pos++;
        }
    }

    private List<@Nullable Object> array(int depth) {
        pos++; // '['
        List<@Nullable Object> items = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return Collections.unmodifiableList(items);
        }
        while (true) {
            skipWhitespace();
            items.add(value(depth));
            skipWhitespace();
            char c = peek();
            if (c == ']') {
                pos++;
                return Collections.unmodifiableList(items);
            } else if (c != ',') {
                throw error("expected ',' or ']'");
            }
            pos++;
        }
    }

    private String string() {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unexpected end of input in a string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            } else if (c < 0x20) {
                throw error("unescaped control character " + describe(c) + " in a string");
            } else if (c != '\\') {
                sb.append(c);
                pos++;
                continue;
            }
            pos++; // backslash
            char e = peek();
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> sb.append(hex4());
                default -> throw error("invalid escape \\" + describe(e));
            }
            pos++;
        }
    }

    /** The four hex digits after {@code \\u}; leaves {@link #pos} on the last one. */
    private char hex4() {
        int v = 0;
        for (int i = 1; i <= 4; i++) {
            if (pos + i >= text.length()) {
                throw error("unexpected end of input in a \\u escape");
            }
            // ASCII only: Character.digit would also take full-width and other scripts' digits.
            char h = text.charAt(pos + i);
            int d = h >= '0' && h <= '9'
                    ? h - '0'
                    : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
            if (d < 0) {
                pos += i;
                throw error("invalid \\u escape: " + describe(h) + " is not a hex digit");
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    private BigDecimal number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (!digits()) {
            throw error("invalid number: a digit must follow '-'");
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            if (!digits()) {
                throw error("invalid number: digits expected after '.'");
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (!digits()) {
                throw error("invalid number: digits expected in the exponent");
            }
        }
        if (pos - start > MAX_NUMBER_CHARS) {
            pos = start;
            throw error("number longer than " + MAX_NUMBER_CHARS + " chars");
        }
        try {
            BigDecimal value = new BigDecimal(text.substring(start, pos));
            if (Math.abs((long) value.scale()) <= MAX_SCALE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Only an exponent beyond int range gets here: out of range, like a merely huge one.
        }
        pos = start;
        throw error("number out of range (scale beyond ±" + MAX_SCALE + ")");
    }

    private boolean digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private @Nullable Object literal(String word, @Nullable Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("invalid literal; expected " + word);
        }
        pos += word.length();
        return value;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** The char at {@link #pos}, or {@code '\0'} at the end (never valid where a char is expected). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private JsonException error(String what) {
        return new JsonException(what, pos);
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    /** A member name for a message: shortened, with control characters made visible. */
    private static String quoteForMessage(String name) {
        return '"' + SafeText.excerpt(name, KEY_CHARS_IN_MESSAGES) + '"';
    }
}
