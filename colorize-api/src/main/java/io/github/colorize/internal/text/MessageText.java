package io.github.colorize.internal.text;

import org.jspecify.annotations.Nullable;

/**
 * Text read from untrusted input (a file, a service's answer) made safe to put in an exception message
 * or a log line. Stateless, thread-safe.
 *
 * <p>Why: a message is printed on terminals and written to logs. Raw control characters from a hostile
 * file could move the cursor, clear the screen or recolour the output (ESC, CSI), or forge log lines
 * (CR, LF). They are shown as {@code &#92;uXXXX} escapes instead, so the message still says what was there.
 */
public final class MessageText {

    private MessageText() {}

    /**
     * The text with every control character (C0, DEL and C1, as {@link Character#isISOControl}) written
     * as a {@code &#92;uXXXX} escape; unchanged when it has none.
     *
     * @param text the text, or null
     * @return the printable text, or {@code "null"} for null
     */
    public static String printable(@Nullable CharSequence text) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                if (sb == null) {
                    sb = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                sb.append(String.format("\\u%04x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text.toString() : sb.toString();
    }

    /**
     * A short, printable excerpt: at most {@code maxChars} characters of the text (then {@code ...}),
     * made {@link #printable}.
     *
     * @param text the text
     * @param maxChars how many characters to keep, at least 1
     * @return the excerpt
     */
    public static String excerpt(String text, int maxChars) {
        String s = text.length() <= maxChars ? text : text.substring(0, maxChars) + "...";
        return printable(s);
    }
}
