package io.github.colorize;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The library's version, read once from a build-generated resource. Thread-safe. */
final class Version {

    private static volatile String cached;

    private Version() {}

    static String current() {
        String v = cached;
        if (v == null) {
            v = load();
            cached = v;
        }
        return v;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("colorize-version.properties")) {
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
