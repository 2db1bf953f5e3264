package io.github.colorize.testkit;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * The contract every fuzz target checks: a parser of untrusted bytes either returns a result or throws
 * the type it documents, whose message names the input and holds no raw control characters (a hostile
 * file must not be able to rewrite a terminal or forge log lines through an error message). Anything
 * else (NullPointerException, ArrayIndexOutOfBounds, ClassCast, an undocumented exception type, or an
 * Error) is rethrown as-is so that Jazzer reports it as a finding. Stateless; thread-safe.
 *
 * <p>Sizes: targets bound their input (see each target's {@code maxLength}) so that one execution takes
 * milliseconds; Jazzer's own timeout then catches infinite loops.
 */
public final class FuzzContract {

    private FuzzContract() {}

    /**
     * Checks a thrown exception against the contract.
     *
     * @param thrown what the parser threw
     * @param documented the exception types the parser documents
     * @param input the file name (or other input name) the message must contain, or null if the parser
     *     has no name for its input
     * @throws Throwable {@code thrown} itself when its type is not documented
     * @throws AssertionError when the message breaks the contract
     */
    public static void check(Throwable thrown, Set<Class<? extends Throwable>> documented, String input)
            throws Throwable {
        if (documented.stream().noneMatch(t -> t.isInstance(thrown))) {
            throw thrown;
        }
        String message = Objects.requireNonNullElse(thrown.getMessage(), "");
        if (input != null && !message.contains(input)) {
            throw new AssertionError("the message does not name the input '" + input + "': " + message, thrown);
        }
        requirePrintable(message, thrown);
    }

    /**
     * Requires a message free of control characters (C0, DEL and C1) other than none at all.
     *
     * @param message the message
     * @param thrown the exception it came from, as the cause of the failure
     * @throws AssertionError naming the first control character
     */
    public static void requirePrintable(String message, Throwable thrown) {
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (Character.isISOControl(c)) {
                throw new AssertionError(
                        String.format(
                                "raw control character U+%04X at %d in the message of %s: %s",
                                (int) c, i, thrown.getClass().getName(), message.replaceAll("\\p{Cntrl}", "?")),
                        thrown);
            }
        }
    }

    /**
     * A name for fuzzed input, for parsers that name the file they read.
     *
     * @param extension the file name extension the parser dispatches on, with its dot, or empty
     * @return a path that exists nowhere
     */
    public static Path inputName(String extension) {
        return Path.of("fuzz-input" + extension);
    }
}
