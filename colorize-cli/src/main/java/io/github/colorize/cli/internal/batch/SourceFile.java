package io.github.colorize.cli.internal.batch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One photo found by a scan. Immutable.
 *
 * @param path the file as reached (under its input folder, symbolic links not resolved)
 * @param relative its path relative to the input folder it was found in, with {@code /} separators;
 *     just the file name for a photo named on the command line. The output mirrors this path.
 */
public record SourceFile(Path path, String relative) {

    /** Validates the components. */
    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(relative, "relative");
    }

    /**
     * The file name.
     *
     * @return the last element of {@link #path()}
     */
    public String fileName() {
        return path.getFileName().toString();
    }
}
