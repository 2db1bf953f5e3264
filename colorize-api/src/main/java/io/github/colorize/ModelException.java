package io.github.colorize;

import org.jspecify.annotations.Nullable;

/**
 * A model could not be found, downloaded, verified or loaded, or does not honour its card's contract.
 * The message names the model and the cause.
 *
 * <p>Adds no state to {@link Throwable}'s own; like any throwable, it is safe to hand between
 * threads once thrown.
 */
public class ModelException extends ColorizeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public ModelException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ModelException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
