package io.github.colorize.internal.io;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ServiceRegistry;

/**
 * Creates the readers for Adobe four-component JPEGs (CMYK and YCCK with an APP14 segment):
 * TwelveMonkeys' JPEG reader, which applies an embedded CMYK ICC profile (and repairs broken ones).
 * Thread-safe: the provider is built once; each call returns a new reader that the caller owns and
 * disposes.
 *
 * <p>Why TwelveMonkeys and why only here: print-workflow files carry the press profile that defines
 * their colours; measured on this package's test fixtures, the profile-free ink formula of {@link
 * CmykConverter} is off by a mean ΔE76 of 23 (max 60), TwelveMonkeys by 0.06 (max 1.2), against
 * littleCMS. For every other file we keep the JDK's own reader (see {@link PhotoReader}).
 *
 * <p>Why a private registry: TwelveMonkeys' provider finds the JDK reader it delegates to only when
 * it is registered, and its public constructor makes a provider that is not. Registering a fresh one
 * in a registry of our own gives it the JDK's JPEG provider as delegate without touching ImageIO's
 * global registry, which other code in the same JVM shares.
 */
final class CmykJpegReader {

    private static final ImageReaderSpi PROVIDER = createProvider();

    private CmykJpegReader() {}

    /**
     * A new reader.
     *
     * @return a TwelveMonkeys JPEG reader delegating to the JDK's
     * @throws IOException if the provider cannot create one
     */
    static ImageReader create() throws IOException {
        return PROVIDER.createReaderInstance();
    }

    private static ImageReaderSpi createProvider() {
        ServiceRegistry registry =
                new ServiceRegistry(List.<Class<?>>of(ImageReaderSpi.class).iterator());
        registry.registerServiceProvider(jdkJpegProvider(), ImageReaderSpi.class);
        ImageReaderSpi twelveMonkeys = new com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi();
        registry.registerServiceProvider(twelveMonkeys, ImageReaderSpi.class);
        if (!registry.contains(twelveMonkeys)) {
            // It deregisters itself when it finds no JDK JPEG reader to delegate to.
            throw new IllegalStateException("TwelveMonkeys' JPEG reader found no JDK JPEG reader to delegate to");
        }
        return twelveMonkeys;
    }

    private static ImageReaderSpi jdkJpegProvider() {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            ImageReaderSpi spi = reader.getOriginatingProvider();
            reader.dispose();
            if (JdkImageIo.isJdk(spi)) {
                return spi;
            }
        }
        throw new IllegalStateException("this JVM has no JDK JPEG reader");
    }
}
