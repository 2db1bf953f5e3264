package io.github.colorize;

import io.github.colorize.internal.provenance.ProvenanceFiles;
import io.github.colorize.internal.provenance.XmpReader;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of checking a file's provenance record: whether one is present and well-formed, and, when
 * a source file is given, whether the record's source hash matches it. This is what {@code colorize
 * verify} reports.
 *
 * <p>Immutable and thread-safe.
 *
 * @param file the checked file
 * @param status whether a valid record is present
 * @param provenance the record when {@link Status#VALID}, else null
 * @param problem why the record is absent or malformed, or null when {@link Status#VALID}
 * @param source the source-hash comparison
 */
public record ProvenanceCheck(
        Path file,
        Status status,
        @Nullable Provenance provenance,
        @Nullable String problem,
        SourceMatch source) {

    /** Whether a record is present and well-formed. */
    public enum Status {
        /** A well-formed colorize record is present. */
        VALID,
        /** The file carries no XMP, or XMP without a colorize record. */
        ABSENT,
        /** The file carries a colorize record that cannot be read; {@link #problem()} says why. */
        MALFORMED
    }

    /** How the record's source hash compares with a given source file. */
    public enum SourceMatch {
        /** No source file was given, or there is no valid record to compare with. */
        NOT_CHECKED,
        /** The source file's SHA-256 equals the one recorded. */
        MATCHES,
        /** The source file's SHA-256 differs from the one recorded. */
        DIFFERS,
        /** A source file was given, but the record names none (the image was colourised in memory). */
        NOT_RECORDED
    }

    /** Validates the components. */
    public ProvenanceCheck {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
        if ((status == Status.VALID) != (provenance != null)) {
            throw new IllegalArgumentException("a record is given exactly when the status is VALID");
        }
        if ((status == Status.VALID) != (problem == null)) {
            throw new IllegalArgumentException("a problem is given exactly when the status is not VALID");
        }
    }

    /**
     * Checks the record in a PNG or JPEG file.
     *
     * @param file the file
     * @return the outcome; {@link #source()} is {@link SourceMatch#NOT_CHECKED}
     * @throws UndecodableImageException if the file cannot be read, is neither PNG nor JPEG, or its
     *     structure is broken
     */
    public static ProvenanceCheck verify(Path file) {
        return verify(file, null);
    }

    /**
     * Checks the record in a PNG or JPEG file and compares its source hash with a source file.
     *
     * @param file the file
     * @param sourceFile the claimed source, or null to skip the comparison
     * @return the outcome
     * @throws UndecodableImageException if either file cannot be read, or {@code file} is neither PNG
     *     nor JPEG or its structure is broken
     */
    public static ProvenanceCheck verify(Path file, @Nullable Path sourceFile) {
        Optional<Provenance> record;
        try {
            Optional<byte[]> packet = ProvenanceFiles.packet(file);
            if (packet.isEmpty()) {
                return new ProvenanceCheck(
                        file, Status.ABSENT, null, "the file has no XMP metadata", SourceMatch.NOT_CHECKED);
            }
            record = XmpReader.read(packet.get(), file);
        } catch (MalformedProvenanceException e) {
            return new ProvenanceCheck(file, Status.MALFORMED, null, e.reason(), SourceMatch.NOT_CHECKED);
        }
        if (record.isEmpty()) {
            return new ProvenanceCheck(
                    file, Status.ABSENT, null, "the file's XMP holds no colorize record", SourceMatch.NOT_CHECKED);
        }
        Provenance p = record.get();
        SourceMatch match = SourceMatch.NOT_CHECKED;
        if (sourceFile != null) {
            String actual = ProvenanceFiles.sha256(sourceFile);
            if (p.sourceSha256() == null) {
                match = SourceMatch.NOT_RECORDED;
            } else {
                match = p.sourceSha256().trim().toLowerCase(Locale.ROOT).equals(actual)
                        ? SourceMatch.MATCHES
                        : SourceMatch.DIFFERS;
            }
        }
        return new ProvenanceCheck(file, Status.VALID, p, null, match);
    }

    /**
     * Whether the check passed: a valid record, and the source matches when one was given.
     *
     * @return true if {@link Status#VALID} and the source is {@link SourceMatch#NOT_CHECKED} or {@link
     *     SourceMatch#MATCHES}
     */
    public boolean passed() {
        return status == Status.VALID && (source == SourceMatch.NOT_CHECKED || source == SourceMatch.MATCHES);
    }

    /**
     * The record, if valid.
     *
     * @return the record
     */
    public Optional<Provenance> record() {
        return Optional.ofNullable(provenance);
    }
}
