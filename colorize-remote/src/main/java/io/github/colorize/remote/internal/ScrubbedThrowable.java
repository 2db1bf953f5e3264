package io.github.colorize.remote.internal;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A copy of an exception from elsewhere (OkHttp, the JDK, ImageIO), put in its place in the cause chain
 * of every exception this backend throws. The original may quote the service (OkHttp's "Unexpected status
 * line: ..." holds whatever the server sent, the API key included if it echoed it) or hold references to
 * the request and its {@code api-key} header; a caller that logs the stack trace, or serialises the
 * exception, would pass that on. The copy keeps the original's class name (shown by {@link #toString()},
 * so stack traces read as before), its stack trace, and its causes and suppressed exceptions, copied the
 * same way; its messages are cleaned by the given function (key scrubbed, capped, escaped), and it holds
 * nothing else. Immutable once built.
 */
final class ScrubbedThrowable extends Exception {
    private static final long serialVersionUID = 1L;

    private final String originalClassName;

    private ScrubbedThrowable(String originalClassName, @Nullable String message, @Nullable Throwable cause) {
        // A writable stack trace, so that setStackTrace can put the original's in place.
        super(message, cause, true, true);
        this.originalClassName = originalClassName;
    }

    /**
     * The cleaned copy of a throwable and everything it refers to.
     *
     * @param t the throwable, or null
     * @param clean turns a message into one fit to show
     * @return the copy (a throwable that already is a copy is returned as is), or null
     */
    static @Nullable Throwable of(@Nullable Throwable t, UnaryOperator<String> clean) {
        return t == null ? null : copy(t, clean, new IdentityHashMap<>());
    }

    /**
     * Copies one throwable, its causes first (the cause is fixed at construction).
     *
     * @param copies the throwables met so far: their copy, or null while the copy is being made (a cause
     *     chain that loops back is cut there)
     */
    private static @Nullable Throwable copy(
            Throwable t, UnaryOperator<String> clean, Map<Throwable, @Nullable Throwable> copies) {
        if (t instanceof ScrubbedThrowable) {
            return t;
        }
        if (copies.containsKey(t)) {
            return copies.get(t);
        }
        copies.put(t, null);
        Throwable cause = t.getCause() == null ? null : copy(t.getCause(), clean, copies);
        String message = t.getMessage();
        ScrubbedThrowable copy =
                new ScrubbedThrowable(t.getClass().getName(), message == null ? null : clean.apply(message), cause);
        copies.put(t, copy);
        copy.setStackTrace(t.getStackTrace());
        for (Throwable suppressed : t.getSuppressed()) {
            Throwable s = copy(suppressed, clean, copies);
            if (s != null && s != copy) {
                copy.addSuppressed(s);
            }
        }
        return copy;
    }

    /**
     * The class of the exception this copy stands for.
     *
     * @return its binary name, for example {@code java.net.ProtocolException}
     */
    String originalClassName() {
        return originalClassName;
    }

    /** Reads like the original's: its class name and the cleaned message. */
    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? originalClassName : originalClassName + ": " + message;
    }
}
