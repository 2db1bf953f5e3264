package io.github.colorize.cli.internal.command;

import io.github.colorize.internal.provenance.LibraryVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the library version the API jar was built with, and the Java runtime. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "colorize " + LibraryVersion.current(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
