package io.github.colorize;

import org.jspecify.annotations.Nullable;

/**
 * A backend that was asked for by name is unknown, unavailable (with its reason), or failed to start.
 * Never followed by a silent fallback to another backend.
 *
 * <p>Its own state is final and set at construction; like any {@link Throwable}, it is safe to hand
 * between threads once thrown.
 */
public class BackendUnavailableException extends ColorizeException {
    private static final long serialVersionUID = 1L;

    private final String backend;

    /**
     * Creates the exception.
     *
     * @param backend the backend name asked for
     * @param message the explanation
     */
    public BackendUnavailableException(String backend, String message) {
        super(message);
        this.backend = backend;
    }

    /**
     * Creates the exception.
     *
     * @param backend the backend name asked for
     * @param message the explanation
     * @param cause the underlying failure
     */
    public BackendUnavailableException(String backend, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.backend = backend;
    }

    /**
     * The backend asked for.
     *
     * @return its name
     */
    public String backend() {
        return backend;
    }
}
