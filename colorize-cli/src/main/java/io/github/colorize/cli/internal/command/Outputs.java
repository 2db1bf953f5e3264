package io.github.colorize.cli.internal.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Guards for single-file outputs (sheets). Stateless, thread-safe. */
final class Outputs {

    private Outputs() {}

    /**
     * Whether writing {@code target} would replace {@code original} (same file, through links too).
     *
     * @param target the output about to be written
     * @param original an input
     * @return true if they are one file
     */
    static boolean isSameFile(Path target, Path original) {
        try {
            return Files.exists(target) && Files.isSameFile(target, original);
        } catch (IOException e) {
            return true; // cannot tell: refuse rather than risk an original
        }
    }
}
