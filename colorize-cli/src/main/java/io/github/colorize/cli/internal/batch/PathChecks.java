package io.github.colorize.cli.internal.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Path comparisons that see through symbolic links and {@code ..}. Stateless, thread-safe. */
final class PathChecks {

    private PathChecks() {}

    /**
     * The real path of the deepest existing ancestor, with the rest appended: comparable even for a
     * folder that does not exist yet.
     *
     * @param p the path
     * @return an absolute, normalised path
     */
    static Path canonical(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }
}
