package io.github.colorize;

import io.github.colorize.internal.text.SafeText;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Colour hints cannot be used: a sidecar file is not valid JSON or not in the hints form, a colour is
 * malformed, or a hint lies outside the photo. The message names the file (when the hints were read
 * from one), the place in it (a JSON path such as {@code $.hints[3].color}) and the cause; only the
 * photo the hints belong to fails.
 *
 * <p>Immutable once thrown; the file path is not serialised.
 */
public class MalformedHintsException extends ColorizeException {
    private static final long serialVersionUID = 1L;

    private final transient @Nullable Path file;
    private final String place;
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param file the sidecar file, or null for hints not read from a file
     * @param place where: a JSON path such as {@code $.hints[3].color}
     * @param reason what is wrong there
     * @param cause the underlying failure, or null
     */
    public MalformedHintsException(@Nullable Path file, String place, String reason, @Nullable Throwable cause) {
        // Place and reason may quote the sidecar's own keys and values, and the name is a file name: all
        // three are outside text, shown escaped and cut so that a hostile sidecar cannot act on a terminal.
        super(
                SafeText.printable(file == null ? "colour hints" : file.toString()) + ": "
                        + SafeText.excerpt(place, 200) + ": " + SafeText.excerpt(reason),
                cause);
        this.file = file;
        this.place = place;
        this.reason = reason;
    }

    /**
     * The sidecar file, if the hints were read from one.
     *
     * @return the path, or empty
     */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * Where in the hints the problem is, as a JSON path ({@code $} for the whole document, {@code
     * $.hints[3]} for the fourth hint).
     *
     * @return the place
     */
    public String place() {
        return place;
    }

    /**
     * What is wrong, without the file name or place.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }
}
