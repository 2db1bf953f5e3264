package io.github.colorize.internal.io;

import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIOServiceProvider;
import org.jspecify.annotations.Nullable;

/**
 * Picks the JDK's own ImageIO reader or writer where ImageIO offers several. Stateless, thread-safe;
 * the returned reader or writer belongs to the caller, the others are disposed.
 *
 * <p>Why: plugins on the class or module path register themselves in ImageIO's global registry and
 * may order themselves first; TwelveMonkeys' JPEG reader and writer do, and colorize-api depends on
 * them (for {@link CmykJpegReader}). Choosing the JDK's plugin keeps the decoding and encoding of
 * ordinary files independent of which jars an application happens to carry. Formats the JDK does
 * not handle still get the first plugin that does.
 */
final class JdkImageIo {

    private JdkImageIo() {}

    /**
     * Whether a provider is one of the JDK's own (module java.desktop), not a plugin's.
     *
     * @param provider the provider, or null
     * @return true for the JDK's
     */
    static boolean isJdk(@Nullable IIOServiceProvider provider) {
        return provider != null && provider.getClass().getModule() == ImageIO.class.getModule();
    }

    /**
     * The JDK's reader among these, else the first.
     *
     * @param readers as ImageIO returns them
     * @return the chosen reader, or null if there is none
     */
    static @Nullable ImageReader reader(Iterator<ImageReader> readers) {
        return preferJdk(readers, ImageReader::getOriginatingProvider, ImageReader::dispose);
    }

    /**
     * The JDK's writer among these, else the first.
     *
     * @param writers as ImageIO returns them
     * @return the chosen writer, or null if there is none
     */
    static @Nullable ImageWriter writer(Iterator<ImageWriter> writers) {
        return preferJdk(writers, ImageWriter::getOriginatingProvider, ImageWriter::dispose);
    }

    private static <T> @Nullable T preferJdk(
            Iterator<T> candidates, Function<T, @Nullable IIOServiceProvider> provider, Consumer<T> dispose) {
        T chosen = null;
        while (candidates.hasNext()) {
            T next = candidates.next();
            if (chosen == null || isJdk(provider.apply(next)) && !isJdk(provider.apply(chosen))) {
                if (chosen != null) {
                    dispose.accept(chosen);
                }
                chosen = next;
            } else {
                dispose.accept(next);
            }
        }
        return chosen;
    }
}
