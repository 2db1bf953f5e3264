package io.github.colorize.remote.internal;

import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Which URLs the backend may talk to. Uploads go only to the configured base URL; result downloads only
 * to the base URL's host or a host the config allows, and only over https (plain http is accepted for
 * loopback hosts alone, so that tests can run a local server), and on the port the user chose: another
 * port of an allowed host may be another service altogether. A service that points the download
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
     * Checks a result URL: scheme, host and port. On the base URL's host only the base URL's port is
     * accepted; on an {@code allowedHosts} entry the port it names, or else the scheme's default port. A
     * port left out and the scheme's default written out ({@code :443} for https) are the same port.
     *
     * @param url the URL the service named (or a redirect led to)
     * @param settings the base URL and the extra allowed hosts
     * @return null if the URL may be fetched, otherwise why not
     */
    static @Nullable String refusal(HttpUrl url, DeepAiSettings settings) {
        String host = url.host().toLowerCase(Locale.ROOT);
        try {
            requireSecureScheme(url.scheme(), host, "the result URL");
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        String apiHost = stripBrackets(settings.host().toLowerCase(Locale.ROOT));
        int apiPort = HttpUrl.get(settings.baseUrl()).port();
        if ((host.equals(apiHost) && url.port() == apiPort)
                || hostAllowed(host, url.port(), url.scheme(), settings.allowedHosts())) {
            return null;
        }
        if (host.equals(apiHost) || hostAllowed(host, -1, url.scheme(), settings.allowedHosts())) {
            return "the result URL is on host '" + host + "' but port " + url.port() + ", which is neither the"
                    + " API's port " + apiPort + " nor one the allowedHosts setting names for that host";
        }
        return "the result URL is on host '" + host + "', which is neither the API's host '" + apiHost
                + "' nor in the allowedHosts setting";
    }

    /**
     * Whether an {@code allowedHosts} entry covers a host and port.
     *
     * @param host the URL's host, lower case, without brackets
     * @param port the URL's port (its scheme's default when it names none), or -1 to ignore ports
     * @param scheme the URL's scheme, for the default port of entries that name none
     * @param allowed the entries: {@code name}, {@code *.domain}, either with {@code :port}
     * @return true if some entry covers them
     */
    static boolean hostAllowed(String host, int port, String scheme, Set<String> allowed) {
        for (String a : allowed) {
            int colon = portColon(a);
            String pattern = stripBrackets(colon < 0 ? a : a.substring(0, colon));
            int allowedPort = colon < 0 ? HttpUrl.defaultPort(scheme) : parsePort(a.substring(colon + 1));
            boolean hostMatches = pattern.startsWith("*.") ? host.endsWith(pattern.substring(1)) : host.equals(pattern);
            if (hostMatches && (port < 0 || port == allowedPort)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the {@code :port} of an {@code allowedHosts} entry starts: after a bracketed IPv6 address, or
     * at the only colon of a name. A bare IPv6 address (two colons or more) names no port.
     *
     * @param entry the entry
     * @return the colon's index, or -1 if the entry names no port
     */
    static int portColon(String entry) {
        int close = entry.lastIndexOf(']');
        int colon = entry.lastIndexOf(':');
        if (entry.startsWith("[")) {
            return colon > close ? colon : -1;
        }
        return colon >= 0 && entry.indexOf(':') == colon ? colon : -1;
    }

    /**
     * Reads an entry's port.
     *
     * @param text the digits after the colon
     * @return the port, or -1 if it is not one from 1 to 65535
     */
    static int parsePort(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int p = Integer.parseInt(text);
        return p >= 1 && p <= 65535 ? p : -1;
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
