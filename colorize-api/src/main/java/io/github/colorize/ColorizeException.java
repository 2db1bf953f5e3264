package io.github.colorize;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception this library throws for a failure it can name. Unchecked, because most
 * callers cannot recover from a missing backend or a broken model, and those who can catch this type.
 *
 * <p>Messages never contain secrets such as API keys.
 *
 * <p>Adds no state to {@link Throwable}'s own; like any throwable, it is safe to hand between
 * threads once thrown.
 */
public class ColorizeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public ColorizeException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ColorizeException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
