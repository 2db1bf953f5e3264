package io.github.colorize.internal.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The two steps of every atomic write in the project (photos, reports, films, model downloads): a
 * hidden temporary file beside the target, then a rename over it, so that the target path never holds
 * a partial file. Stateless; thread-safe.
 */
public final class AtomicFiles {

    /** Give up finding a free random name after this many collisions (never happens in practice). */
    private static final int MAX_ATTEMPTS = 17;

    private AtomicFiles() {}

    /**
     * Creates a new, empty {@code .<name>.<random>.part} file in the target's folder, creating the
     * folder if needed. Default permissions, unlike {@link Files#createTempFile}, whose owner-only mode
     * would end up on the final file. The batch command recognises and sweeps such leftovers.
     *
     * @param target the file that will be written
     * @return the temporary file; the caller writes it, then {@link #moveIntoPlace} or deletes it
     * @throws IOException if the folder or the file cannot be created
     */
    public static Path newPartFile(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String name = target.getFileName().toString();
        for (int attempt = 1; ; attempt++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong());
            Path part = dir.resolve("." + name + "." + suffix + ".part");
            try {
                Files.newByteChannel(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                        .close();
                return part;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Renames a finished temporary file over the target: atomically where the file system can, else as
     * a plain replace (only exotic file systems refuse an atomic rename within one folder).
     *
     * @param part the finished temporary file, in the target's folder
     * @param target the final path, replaced if it exists
     * @throws IOException if the rename fails; the target is then untouched
     */
    public static void moveIntoPlace(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
