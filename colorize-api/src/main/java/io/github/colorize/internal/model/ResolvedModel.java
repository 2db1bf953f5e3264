package io.github.colorize.internal.model;

import io.github.colorize.ModelCard;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A model file found and verified: either a local file (large models, mapped by the runtime) or the
 * bytes of a class-path resource. Immutable; the byte array is owned by this object and must not be
 * modified.
 *
 * @param card the card it was resolved for
 * @param file the local file, or null for resource bytes
 * @param bytes the resource bytes, or null for a file
 * @param sha256 the SHA-256 actually computed from the content
 * @param origin where it came from, for messages and logs (never contains credentials)
 */
public record ResolvedModel(ModelCard card, Path file, byte[] bytes, String sha256, String origin) {

    /** Validates that exactly one of file and bytes is set. */
    public ResolvedModel {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(origin, "origin");
        if ((file == null) == (bytes == null)) {
            throw new IllegalArgumentException("exactly one of file and bytes must be set");
        }
    }

    /**
     * The local file, if the model is one.
     *
     * @return the file
     */
    public Optional<Path> localFile() {
        return Optional.ofNullable(file);
    }

    @Override
    public String toString() {
        return "ResolvedModel[" + card.name() + " from " + origin + ", sha256=" + sha256 + "]";
    }
}
