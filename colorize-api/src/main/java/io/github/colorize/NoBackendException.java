package io.github.colorize;

/**
 * No backend could be chosen: none is on the class path, or none that may be picked implicitly is
 * available. The message lists every provider found with its reason, and the jar to add.
 *
 * <p>Adds no state to {@link Throwable}'s own; like any throwable, it is safe to hand between
 * threads once thrown.
 */
public class NoBackendException extends ColorizeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the explanation, listing providers and reasons
     */
    public NoBackendException(String message) {
        super(message);
    }
}
