package io.github.colorize.internal.json;

/**
 * The text is not valid JSON, or breaks a {@link JsonLimits} bound. The message says what and at which
 * offset; it quotes at most a few characters of the input, never whole values. Unchecked, so callers
 * that already treat bad input as an {@link IllegalArgumentException} need no extra catch. Immutable.
 */
public final class JsonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Where the problem was found, in chars from the start of the text. */
    private final int offset;

    JsonException(String what, int offset) {
        super("invalid JSON at offset " + offset + ": " + what);
        this.offset = offset;
    }

    /**
     * Where the problem was found.
     *
     * @return the offset in chars from the start of the text
     */
    public int offset() {
        return offset;
    }
}
