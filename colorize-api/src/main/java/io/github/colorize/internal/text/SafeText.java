package io.github.colorize.internal.text;

import java.util.Locale;

/**
 * Makes text that came from outside (a service's status line, an answer's body, a header, a file name)
 * safe to put into a message, a log line or a terminal: characters that would act instead of show are
 * replaced by visible escapes, and long texts are cut with a note of how much was left out.
 *
 * <p>Escaped: C0 and C1 control characters and DEL (ESC and CSI start terminal commands; CR, LF, NEL
 * break "one line per event"), Unicode line and paragraph separators, the bidirectional controls that
 * can make a line read differently from what it holds (U+061C, U+200E, U+200F, U+202A–U+202E,
 * U+2066–U+2069), and unpaired surrogates. Everything else, letters of every script included, is kept
 * ({@code Großmutter 1908.jpg} stays as it is). {@code \n}, {@code \r} and {@code \t} are shown as such,
 * other control characters as {@code \x1B}, the rest as {@code \u202E}. Backslashes are not doubled:
 * the result is for people to read, not to parse back, and cleaning a cleaned text changes nothing.
 *
 * <p>Stateless; thread-safe.
 */
public final class SafeText {

    /** How much of an outside text a message quotes by default. */
    public static final int DEFAULT_MAX_CHARS = 300;

    private SafeText() {}

    /**
     * The text with every character that would act on a terminal or split a line escaped.
     *
     * @param text any text
     * @return the text, unchanged if it holds nothing to escape
     */
    public static String printable(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (sb != null) {
                    sb.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (!needsEscape(c)) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (Character.isISOControl(c)) {
                sb.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
            } else {
                sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        return sb == null ? text : sb.toString();
    }

    /**
     * The start of a text, made {@linkplain #printable printable}: at most {@value #DEFAULT_MAX_CHARS}
     * characters of it.
     *
     * @param text any text
     * @return see {@link #excerpt(String, int)}
     */
    public static String excerpt(String text) {
        return excerpt(text, DEFAULT_MAX_CHARS);
    }

    /**
     * The start of a text, made {@linkplain #printable printable}. A text longer than {@code maxChars}
     * is cut there (never inside a surrogate pair) and ends with {@code … (N more characters)}. The cut
     * comes first, so a huge text costs no more than its first {@code maxChars} characters; escapes may
     * make the result longer than {@code maxChars}. Remove secrets from the whole text before cutting it:
     * a secret across the cut would survive in part.
     *
     * @param text any text
     * @param maxChars how many characters of the text to keep, at least 1
     * @return the excerpt
     * @throws IllegalArgumentException if {@code maxChars} is less than 1
     */
    public static String excerpt(String text, int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be at least 1, not " + maxChars);
        }
        if (text.length() <= maxChars) {
            return printable(text);
        }
        int cut = maxChars;
        if (Character.isHighSurrogate(text.charAt(cut - 1)) && Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }
        return printable(text.substring(0, cut)) + "… (" + (text.length() - cut) + " more characters)";
    }

    /** Whether a char (not part of a surrogate pair) must be escaped. */
    private static boolean needsEscape(char c) {
        if (Character.isISOControl(c) || Character.isSurrogate(c)) {
            return true;
        }
        return switch (c) {
            case '\u061C', '\u200E', '\u200F', '\u2028', '\u2029' -> true;
            default -> (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
        };
    }
}
