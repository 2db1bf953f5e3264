package io.github.colorize;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A file carries an XMP packet that claims to be a colorize provenance record (it uses the colorize
 * namespace) but cannot be trusted as one: the XML is not well-formed, it declares a DTD, a required
 * property is missing, or a value does not parse. The message names the file and the cause.
 *
 * <p>Files without any XMP, or with XMP that holds no colorize record, are not malformed: reading them
 * gives an empty result instead.
 *
 * <p>Immutable once thrown; the file path is not serialised. The message never quotes more than a
 * short excerpt of a value read from the file.
 */
public class MalformedProvenanceException extends ColorizeException {
    private static final long serialVersionUID = 1L;

    private final transient @Nullable Path file;
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param file the file, or null for a packet not read from a file
     * @param reason what is wrong with the record
     * @param cause the underlying failure, or null
     */
    public MalformedProvenanceException(@Nullable Path file, String reason, @Nullable Throwable cause) {
        super((file == null ? "XMP packet" : file.toString()) + ": malformed provenance record: " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    /**
     * The file whose record is malformed, if any.
     *
     * @return the path, or null
     */
    public @Nullable Path file() {
        return file;
    }

    /**
     * What is wrong, without the file name.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }
}
