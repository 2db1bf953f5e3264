package io.github.colorize.remote;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * The ways a service, a proxy or a library may echo an API key back: letter case, URL encodings (as
 * {@code encodeURIComponent}, {@code encodeURI} and a form encoder write them, lower-case hex, doubled),
 * a form decoder's {@code +} read as a space, JSON, JavaScript and HTML escapes, base64 at every byte
 * alignment, hex, full-width and quoted-printable.
 */
public final class KeyForms {

    private KeyForms() {}

    /**
     * Every echo form of a key, by name.
     *
     * @param key the key
     * @return name to form, in a fixed order
     */
    public static Map<String, String> of(String key) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("raw", key);
        f.put("upper case", key.toUpperCase(Locale.ROOT));
        f.put("lower case", key.toLowerCase(Locale.ROOT));
        f.put("encodeURIComponent", percent(key, "-_.!~*'()"));
        f.put("encodeURI", percent(key, "-_.!~*'();,/?:@&=+$#"));
        f.put("form encoder", URLEncoder.encode(key, StandardCharsets.UTF_8));
        f.put(
                "lower-case hex",
                percent(key, "-_.!~*'()")
                        .replaceAll("%2F", "%2f")
                        .replaceAll("%2B", "%2b")
                        .replaceAll("%3D", "%3d"));
        f.put("every character percent-encoded", each(key, c -> String.format("%%%02X", c)));
        f.put("doubly percent-encoded", percent(percent(key, "-_.!~*'()"), "-_.!~*'()"));
        f.put(
                "JavaScript escape()",
                each(key, c -> Character.isLetterOrDigit(c) ? "" + (char) c : "%u00" + String.format("%02X", c)));
        f.put("plus read as a space", key.replace("+", " "));
        f.put("plus read as a space, re-encoded", percent(key.replace("+", " "), "-_.!~*'()"));
        f.put("JSON escaped slash", key.replace("/", "\\/"));
        f.put("JSON \\u00xx", each(key, c -> String.format("\\u%04x", c)));
        f.put("JSON \\u00XX in JSON", each(key, c -> String.format("\\\\u%04X", c)));
        f.put("JavaScript \\x", each(key, c -> String.format("\\x%02X", c)));
        f.put("HTML decimal", each(key, c -> "&#" + c + ";"));
        f.put("HTML hex", each(key, c -> String.format("&#x%x;", c)));
        f.put(
                "HTML named",
                key.replace("&", "&amp;")
                        .replace("/", "&sol;")
                        .replace("+", "&plus;")
                        .replace("=", "&equals;"));
        f.put("HTML escaped twice", each(key, c -> "&amp;#" + c + ";"));
        byte[] bytes = key.getBytes(StandardCharsets.US_ASCII);
        f.put("base64", Base64.getEncoder().encodeToString(bytes));
        f.put("base64url", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        f.put(
                "base64 of user:key (Basic auth)",
                Base64.getEncoder().encodeToString(("user:" + key).getBytes(StandardCharsets.US_ASCII)));
        f.put(
                "base64 of the key inside other bytes",
                Base64.getEncoder().encodeToString(("x" + key + "yz").getBytes(StandardCharsets.US_ASCII)));
        f.put(
                "base64url inside other bytes",
                Base64.getUrlEncoder().encodeToString(("{\"k\":\"" + key + "\"}").getBytes(StandardCharsets.US_ASCII)));
        f.put("hex", each(key, c -> String.format("%02x", c)));
        f.put("full-width", each(key, c -> Character.toString(c + 0xFEE0)));
        f.put(
                "quoted-printable",
                each(key, c -> Character.isLetterOrDigit(c) ? "" + (char) c : String.format("=%02X", c)));
        f.put(
                "upper case, lower-case hex",
                Pattern.compile("%[0-9A-F]{2}")
                        .matcher(percent(key.toUpperCase(Locale.ROOT), "-_.!~*'()"))
                        .replaceAll(m -> m.group().toLowerCase(Locale.ROOT)));
        return f;
    }

    private static String each(String key, IntFunction<String> f) {
        StringBuilder sb = new StringBuilder();
        key.chars().forEach(c -> sb.append(f.apply(c)));
        return sb.toString();
    }

    private static String percent(String s, String keep) {
        return each(
                s,
                c -> Character.isLetterOrDigit(c) || keep.indexOf(c) >= 0 ? "" + (char) c : String.format("%%%02X", c));
    }
}
