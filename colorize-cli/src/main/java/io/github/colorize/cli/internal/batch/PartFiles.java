package io.github.colorize.cli.internal.batch;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Removes the temporary files that an interrupted run left in the output folder. Outputs are written
 * as {@code .<name>.<random>.part} next to their target and renamed into place, so after a crash only
 * such files can be incomplete; nothing else is touched. Call only while holding the {@link
 * OutputLock}. Subfolders that another live run has locked as its own output folder are left alone:
 * their temporary files may be in flight. Stateless, thread-safe.
 */
public final class PartFiles {

    private static final Pattern PART = Pattern.compile("^\\..+\\.part$");

    private PartFiles() {}

    /**
     * Whether a file name is a temporary output.
     *
     * @param fileName the name
     * @return true for {@code .<anything>.part}
     */
    public static boolean isPartFile(String fileName) {
        return PART.matcher(fileName).matches();
    }

    /**
     * Deletes every temporary output under a folder (not following symbolic links).
     *
     * @param outDir the output folder
     * @return how many were deleted
     * @throws IOException if the folder cannot be walked or a file not deleted
     */
    public static int sweep(Path outDir) throws IOException {
        if (!Files.isDirectory(outDir)) {
            return 0;
        }
        AtomicInteger removed = new AtomicInteger();
        Files.walkFileTree(outDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(outDir) && OutputLock.heldByAnotherRun(dir)
                        ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && isPartFile(file.getFileName().toString())) {
                    Files.deleteIfExists(file);
                    removed.incrementAndGet();
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return removed.get();
    }
}
