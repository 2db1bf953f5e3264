package io.github.colorize.remote.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One pattern that finds the API key in a text however a service, a proxy or a library may have echoed
 * it: in any letter case; with any of its characters percent-encoded (either hex case, {@code %2F} or a
 * kept {@code /}, doubly encoded {@code %252F}, JavaScript's {@code %u002F}, {@code +} read as a space and
 * maybe written as {@code %20}); JSON, JavaScript or C escaped ({@code \/}, <code>&#92;u002f</code>,
 * {@code \x2F}, <code>&#92;u{2F}</code>, octal, doubled backslashes); as an HTML character reference
 * ({@code &#47;}, {@code &#x2F;}, {@code &sol;}, {@code &amp;#47;}); quoted-printable or full-width; as
 * hex; and base64 or base64url encoded at any of the three byte alignments it may have inside a longer
 * encoded text. Matching per character makes mixtures (an encoder that escapes only some characters)
 * match too. Built once per key; the pattern is immutable and thread-safe.
 */
final class KeyEchoes {

    /** HTML5 names of the printable ASCII characters that have one ({@code &amp;} included). */
    private static final Map<Character, String> HTML_NAMES = Map.ofEntries(
            Map.entry('!', "excl"),
            Map.entry('"', "quot|QUOT"),
            Map.entry('#', "num"),
            Map.entry('$', "dollar"),
            Map.entry('%', "percnt"),
            Map.entry('&', "amp|AMP"),
            Map.entry('\'', "apos"),
            Map.entry('(', "lpar"),
            Map.entry(')', "rpar"),
            Map.entry('*', "ast|midast"),
            Map.entry('+', "plus"),
            Map.entry(',', "comma"),
            Map.entry('.', "period"),
            Map.entry('/', "sol"),
            Map.entry(':', "colon"),
            Map.entry(';', "semi"),
            Map.entry('<', "lt|LT"),
            Map.entry('=', "equals"),
            Map.entry('>', "gt|GT"),
            Map.entry('?', "quest"),
            Map.entry('@', "commat"),
            Map.entry('[', "lsqb|lbrack"),
            Map.entry('\\', "bsol"),
            Map.entry(']', "rsqb|rbrack"),
            Map.entry('^', "Hat"),
            Map.entry('_', "lowbar|UnderBar"),
            Map.entry('`', "grave|DiacriticalGrave"),
            Map.entry('{', "lcub|lbrace"),
            Map.entry('|', "verbar|vert|VerticalLine"),
            Map.entry('}', "rcub|rbrace"));

    /** A backslash, raw or percent-encoded (a JSON escape inside a URL). */
    private static final String BACKSLASH = "(?:\\\\|%(?:25)*5C)";
    /** The start of an HTML reference, its {@code &} possibly escaped again. */
    private static final String AMP = "(?:&(?:amp;)*|%(?:25)*26)";
    /** The hex form of a shorter key would match ordinary text (digits, hashes) by chance. */
    private static final int MIN_HEX_KEY_CHARS = 6;
    /** Shorter base64 runs would match ordinary text by chance. */
    private static final int MIN_BASE64_CHARS = 8;

    private KeyEchoes() {}

    /**
     * Builds the pattern.
     *
     * @param key the key: printable ASCII, no space
     * @return a pattern matching every echo form listed above
     */
    static Pattern of(String key) {
        Set<String> alternatives = new LinkedHashSet<>();
        // The first character of each form in plain text; escapes start with one of '\\', '%', '&', '='.
        List<String> firstChars = new ArrayList<>();
        firstChars.add(key.substring(0, 1));
        // The key itself in any case, then its hex form (either case).
        alternatives.add(charwise(key, true));
        byte[] bytes = key.getBytes(StandardCharsets.US_ASCII);
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format(Locale.ROOT, "%02x", b));
        }
        if (key.length() >= MIN_HEX_KEY_CHARS) {
            alternatives.add(charwise(hex.toString(), true));
            firstChars.add(hex.substring(0, 1));
        }
        // Base64 is case-sensitive. The whole key's encoding, then, for a key inside a longer encoded
        // text, the complete 3-byte groups at each alignment (a partial group's characters depend on the
        // neighbouring bytes: at most three characters of it remain, too few to rebuild the key).
        List<String> base64 = new ArrayList<>();
        base64.add(Base64.getEncoder().encodeToString(bytes));
        for (int start = 0; start < 3 && start < bytes.length; start++) {
            int len = (bytes.length - start) / 3 * 3;
            byte[] part = java.util.Arrays.copyOfRange(bytes, start, start + len);
            base64.add(Base64.getEncoder().withoutPadding().encodeToString(part));
        }
        base64.sort(Comparator.comparingInt(String::length).reversed());
        for (String b : base64) {
            if (b.length() >= MIN_BASE64_CHARS) {
                String url = b.replace('+', '-').replace('/', '_');
                alternatives.add(charwise(b, false));
                alternatives.add(charwise(url, false));
                firstChars.add(b.substring(0, 1) + url.charAt(0));
            }
        }
        // Every form starts with one of few characters: a cheap first test, so that scrubbing a long answer
        // does not try every alternative at every position.
        Set<Character> starts = new TreeSet<>(List.of('\\', '%', '&', '=', ' '));
        for (String form : firstChars) {
            for (char c : form.toCharArray()) {
                starts.add(c);
                starts.add(Character.toLowerCase(c));
                starts.add(Character.toUpperCase(c));
            }
        }
        StringBuilder lookahead = new StringBuilder("(?=[");
        for (char c : starts) {
            lookahead.append(String.format(Locale.ROOT, "\\x{%X}", (int) c));
        }
        lookahead.append(String.format(Locale.ROOT, "\\x{%X}-\\x{%X}])", 0xFF01, 0xFF5E));
        return Pattern.compile(lookahead + "(?:" + String.join("|", alternatives) + ")", Pattern.CASE_INSENSITIVE);
    }

    /** A sequence of groups, one per character of {@code text}, each matching that character in any encoding. */
    private static String charwise(String text, boolean anyCase) {
        StringBuilder sb = new StringBuilder(text.length() * 120);
        for (char c : text.toCharArray()) {
            sb.append(anyEncoding(c, anyCase));
        }
        return sb.toString();
    }

    private static String anyEncoding(char c, boolean anyCase) {
        String hex = String.format(Locale.ROOT, "%02X", (int) c);
        String literal = Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\x{" + hex + "}";
        List<String> forms = new ArrayList<>();
        if (Character.isLetter(c) && !anyCase) {
            forms.add("(?-i:" + literal + ")");
        } else if (Character.isLetterOrDigit(c)) {
            forms.add(literal);
        } else {
            // Punctuation may come backslash-escaped, once or more (JSON's \/ and \", a shell's \+).
            forms.add(BACKSLASH + "*" + literal);
        }
        String fullWidth = String.format(Locale.ROOT, "\\x{%X}", c + 0xFEE0);
        forms.add(Character.isLetter(c) && !anyCase ? "(?-i:" + fullWidth + ")" : fullWidth);
        forms.add("%(?:25)*(?:u00)?" + hex);
        forms.add("=" + hex);
        forms.add(
                BACKSLASH + "+(?:u00" + hex + "|x" + hex + "|u\\{0*" + hex + "\\}|0?" + Integer.toOctalString(c) + ")");
        forms.add(AMP + "#(?:0*" + (int) c + "|x0*" + hex + ");?");
        String name = HTML_NAMES.get(c);
        if (name != null) {
            forms.add(AMP + "(?-i:" + name + ");");
        }
        if (c == '+') {
            // A form decoder reads '+' as a space, which an encoder may then write as %20.
            forms.add(" |%(?:25)*20|" + AMP + "#(?:0*32|x0*20);?");
        }
        return "(?:" + String.join("|", forms) + ")";
    }
}
