package io.github.colorize.cli.internal.batch;

import io.github.colorize.ColorizeException;
import io.github.colorize.ImageTooLargeException;
import io.github.colorize.internal.text.SafeText;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * Turns exceptions into the short cause of a one-line error ({@code colorize: <file>: <cause>}).
 * Stateless, thread-safe.
 */
public final class Causes {

    private Causes() {}

    /**
     * The cause, without the file name where the exception repeats it.
     *
     * @param e the failure
     * @return a short, single-line description
     */
    public static String of(Throwable e) {
        String text;
        if (e instanceof NoSuchFileException) {
            text = "no such file";
        } else if (e instanceof AccessDeniedException) {
            text = "permission denied";
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            text = fse.getReason();
        } else if (e instanceof OutOfMemoryError) {
            text = "out of memory; try fewer --jobs or a larger -Xmx (JAVA_OPTS)";
        } else if (e instanceof ImageTooLargeException big) {
            // The library's message tells a programmer to raise ImageReadOptions.maxPixels.
            text = big.pixels() + " pixels (" + megapixels(big.pixels()) + " MP) exceeds the limit of "
                    + megapixels(big.limit()) + " MP; raise it with --max-megapixels if the photo is trusted";
        } else if (e instanceof ColorizeException && e.getMessage() != null) {
            text = e.getMessage();
        } else if (e.getMessage() != null && !e.getMessage().isBlank()) {
            text = e.getClass().getSimpleName() + ": " + e.getMessage();
        } else {
            text = e.getClass().getSimpleName();
        }
        return oneLine(text);
    }

    private static String megapixels(long pixels) {
        return java.math.BigDecimal.valueOf(pixels, 6).stripTrailingZeros().toPlainString();
    }

    /**
     * The cause, dropping a leading {@code <file>: } that the exception's message may carry (the
     * error line names the file already).
     *
     * @param e the failure
     * @param file the file the error line names
     * @return a short, single-line description
     */
    public static String of(Throwable e, java.nio.file.Path file) {
        String text = of(e);
        String prefix = file + ": ";
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    /**
     * Collapses line breaks so that every error stays on one line, and escapes whatever else a terminal
     * would act on (an exception's message may quote a file name or a service's text).
     *
     * @param text any text
     * @return the text on one line
     */
    public static String oneLine(String text) {
        return SafeText.printable(text.replaceAll("\\s*[\\r\\n]+\\s*", "; ").strip());
    }
}
