package io.github.colorize.cli.internal.command;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the library version the API jar was built with, and the Java runtime. */
final class VersionProvider implements IVersionProvider {

    static String version() {
        try (InputStream in =
                VersionProvider.class.getResourceAsStream("/io/github/colorize/colorize-version.properties")) {
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

    @Override
    public String[] getVersion() {
        return new String[] {
            "colorize " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
