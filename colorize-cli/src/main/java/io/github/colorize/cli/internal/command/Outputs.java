package io.github.colorize.cli.internal.command;

import io.github.colorize.internal.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    /**
     * Writes a text file atomically: a temporary {@code .<name>.<random>.part} next to it, then a
     * rename, so readers never see half a report.
     *
     * @param target the file
     * @param text the content, UTF-8
     * @throws IOException if writing fails; the target is then untouched
     */
    static void writeText(Path target, String text) throws IOException {
        Path tmp = AtomicFiles.newPartFile(target);
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            AtomicFiles.moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
