package io.github.colorize.remote;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks for an API key in a text the way someone reading a log would: in any letter case, after undoing
 * URL, JSON/JavaScript, HTML and quoted-printable escapes (up to three layers, in any order), full-width
 * letters and a form decoder's spaces, and inside base64 and hex runs at every alignment. Finds any
 * {@value #WINDOW} consecutive characters of the key, not only the whole key: a partly leaked key is a
 * leaked key. Scans line by line (every message the backend writes is one line). Independent of the scrubber under test, so that the two do not share a blind spot.
 */
public final class KeyTraces {

    static final int WINDOW = 9;

    private static final Pattern PERCENT = Pattern.compile("%(?:u([0-9a-fA-F]{4})|([0-9a-fA-F]{2}))");
    private static final Pattern BACKSLASH =
            Pattern.compile("\\\\(?:u([0-9a-fA-F]{4})|u\\{([0-9a-fA-F]{1,6})\\}|x([0-9a-fA-F]{2})|([0-7]{1,3})|(.))");
    private static final Pattern HTML = Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]+));?");
    private static final Pattern QUOTED_PRINTABLE = Pattern.compile("=([0-9A-F]{2})");
    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/_-]{8,}");
    private static final Pattern HEX_RUN = Pattern.compile("[0-9a-fA-F]{" + (2 * WINDOW) + ",}");
    private static final Map<String, String> NAMES = Map.of(
            "amp", "&", "sol", "/", "plus", "+", "equals", "=", "quot", "\"", "lt", "<", "gt", ">", "tilde", "~");

    private KeyTraces() {}

    /**
     * Where the key shows in a text.
     *
     * @param text the text
     * @param key the key
     * @return a description of the first trace found, or null if there is none
     */
    public static String find(String text, String key) {
        // Line by line: a line without escapes has one view only, which keeps a long log quick to scan.
        for (String line : text.split("\\R")) {
            String found = findInLine(line, key);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String findInLine(String text, String key) {
        Set<String> views = new LinkedHashSet<>();
        views.add(text);
        Set<String> frontier = Set.of(text);
        for (int layer = 0; layer < 3; layer++) {
            Set<String> next = new LinkedHashSet<>();
            for (String v : frontier) {
                for (String d : new String[] {
                    replace(PERCENT, v, m -> hexChar(m.group(1) != null ? m.group(1) : m.group(2))),
                    replace(BACKSLASH, v, KeyTraces::unescape),
                    replace(HTML, v, KeyTraces::unentity),
                    replace(QUOTED_PRINTABLE, v, m -> hexChar(m.group(1)))
                }) {
                    if (!d.equals(v) && views.add(d)) {
                        next.add(d);
                    }
                }
            }
            frontier = next;
        }
        for (String v : views) {
            String found = window(v, key);
            if (found != null) {
                return "'" + found + "' in the text or an unescaped view of it";
            }
            for (String run : runs(BASE64_RUN, v)) {
                String std = run.replace('-', '+').replace('_', '/');
                for (int offset = 0; offset < 4 && offset < std.length(); offset++) {
                    String s = std.substring(offset);
                    s = s.substring(0, s.length() / 4 * 4);
                    try {
                        String decoded = new String(Base64.getDecoder().decode(s), StandardCharsets.ISO_8859_1);
                        found = window(decoded, key);
                        if (found != null) {
                            return "'" + found + "' base64-encoded in '" + run + "'";
                        }
                    } catch (IllegalArgumentException notBase64) {
                        // not base64 at this alignment
                    }
                }
            }
            for (String run : runs(HEX_RUN, v)) {
                for (int offset = 0; offset < 2; offset++) {
                    StringBuilder sb = new StringBuilder();
                    for (int i = offset; i + 2 <= run.length(); i += 2) {
                        sb.append((char) Integer.parseInt(run.substring(i, i + 2), 16));
                    }
                    found = window(sb.toString(), key);
                    if (found != null) {
                        return "'" + found + "' hex-encoded in '" + run + "'";
                    }
                }
            }
        }
        return null;
    }

    private static String window(String view, String key) {
        String v = fold(view);
        String k = fold(key);
        for (int i = 0; i + WINDOW <= k.length(); i++) {
            if (v.contains(k.substring(i, i + WINDOW))) {
                return key.substring(i, i + WINDOW);
            }
        }
        return null;
    }

    /** Lower case, full-width as ASCII, and a space as the '+' a form decoder read it from. */
    private static String fold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            char a = c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c;
            sb.append(a == ' ' ? '+' : a);
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static java.util.List<String> runs(Pattern p, String v) {
        java.util.List<String> out = new java.util.ArrayList<>();
        Matcher m = p.matcher(v);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static String replace(Pattern p, String v, java.util.function.Function<MatchResult, String> f) {
        return p.matcher(v).replaceAll(m -> Matcher.quoteReplacement(f.apply(m)));
    }

    private static String hexChar(String hex) {
        return Character.toString(Integer.parseInt(hex, 16));
    }

    private static String unescape(MatchResult m) {
        if (m.group(1) != null) {
            return hexChar(m.group(1));
        } else if (m.group(2) != null) {
            return hexChar(m.group(2));
        } else if (m.group(3) != null) {
            return hexChar(m.group(3));
        } else if (m.group(4) != null) {
            return Character.toString(Integer.parseInt(m.group(4), 8));
        }
        return m.group(5);
    }

    private static String unentity(MatchResult m) {
        if (m.group(1) != null) {
            return Character.toString(Math.min(Integer.parseInt(m.group(1)), 0x10FFFF));
        } else if (m.group(2) != null) {
            return Character.toString(Math.min(Integer.parseInt(m.group(2), 16), 0x10FFFF));
        }
        return NAMES.getOrDefault(m.group(3), m.group());
    }
}
