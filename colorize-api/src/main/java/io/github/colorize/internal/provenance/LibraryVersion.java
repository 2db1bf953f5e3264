package io.github.colorize.internal.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The library's version, as recorded in every provenance record and shown by the command line: read
 * once from the resource the build writes into the API jar. Thread-safe.
 */
public final class LibraryVersion {

    private static final String RESOURCE = "/io/github/colorize/colorize-version.properties";

    private static volatile String cached;

    private LibraryVersion() {}

    /**
     * The version.
     *
     * @return for example {@code 0.1.0}, or {@code unknown} when the resource is missing or unreadable
     */
    public static String current() {
        String v = cached;
        if (v == null) {
            v = load();
            cached = v;
        }
        return v;
    }

    private static String load() {
        try (InputStream in = LibraryVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
