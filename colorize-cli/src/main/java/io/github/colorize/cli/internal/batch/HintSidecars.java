package io.github.colorize.cli.internal.batch;

import io.github.colorize.ColorHints;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which hints sidecar belongs to a photo of a batch, and how it enters the settings fingerprint, so
 * that editing one photo's sidecar redoes that photo and only that one. Stateless; thread-safe.
 */
final class HintSidecars {

    private HintSidecars() {}

    /**
     * The sidecar of a photo.
     *
     * @param photo the photo
     * @param named the file named with {@code --hints}, or null
     * @return the named file, else the photo's {@code <photo>.hints.json} if it is a regular file, else
     *     null
     */
    static Path of(Path photo, Path named) {
        if (named != null) {
            return named;
        }
        Path sidecar = ColorHints.sidecarFor(photo);
        return Files.isRegularFile(sidecar) ? sidecar : null;
    }

    /**
     * The settings fingerprint of a photo with hints.
     *
     * @param settings the run's fingerprint
     * @param sidecarSha256 the sidecar's SHA-256
     * @return the photo's fingerprint
     */
    static String fingerprint(String settings, String sidecarSha256) {
        return settings + ";hints=" + sidecarSha256;
    }
}
