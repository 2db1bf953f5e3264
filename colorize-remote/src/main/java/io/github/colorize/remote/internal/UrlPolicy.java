package io.github.colorize.remote.internal;

import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Which URLs the backend may talk to. Uploads go only to the configured base URL; result downloads only
 * to the base URL's host or a host the config allows, and only over https (plain http is accepted for
 * loopback hosts alone, so that tests can run a local server). A service that points the download
 * elsewhere is refused rather than followed: the photo's result, and any redirect chain, stay on hosts
 * the user chose. Stateless; thread-safe.
 */
public final class UrlPolicy {

    private UrlPolicy() {}

    /**
     * Requires https, or http on a loopback host.
     *
     * @param scheme the URL scheme
     * @param host the URL host
     * @param what what the URL is, for the message
     * @throws IllegalArgumentException otherwise
     */
    static void requireSecureScheme(String scheme, String host, String what) {
        String s = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        if (s.equals("https") || (s.equals("http") && isLoopback(host))) {
            return;
        }
        throw new IllegalArgumentException(what + " uses the scheme '" + s + "'; only https is allowed (http only"
                + " for loopback hosts such as localhost)");
    }

    /**
     * Checks a result URL.
     *
     * @param url the URL the service named (or a redirect led to)
     * @param settings the base URL and the extra allowed hosts
     * @return null if the URL may be fetched, otherwise why not
     */
    static String refusal(HttpUrl url, DeepAiSettings settings) {
        String host = url.host().toLowerCase(Locale.ROOT);
        try {
            requireSecureScheme(url.scheme(), host, "the result URL");
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (host.equalsIgnoreCase(stripBrackets(settings.host())) || hostAllowed(host, settings.allowedHosts())) {
            return null;
        }
        return "the result URL is on host '" + host + "', which is neither the API's host '"
                + stripBrackets(settings.host()) + "' nor in the allowedHosts setting";
    }

    static boolean hostAllowed(String host, Set<String> allowed) {
        for (String a : allowed) {
            String pattern = stripBrackets(a);
            if (pattern.startsWith("*.") ? host.endsWith(pattern.substring(1)) : host.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a host name is a loopback address, judged from the text alone (no DNS lookup, so a name
     * cannot be made to resolve to loopback later).
     *
     * @param host the host, IPv6 with or without brackets
     * @return true for {@code localhost}, {@code 127.*.*.*} and {@code ::1}
     */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = stripBrackets(host.toLowerCase(Locale.ROOT));
        if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        return h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
