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
 * <p>The price, measured once on a 12-megapixel CMYK JPEG with an embedded profile (2-core AMD EPYC,
 * shared, JDK 17; a repeated decode in a scratch program, best of 5): 3.0 s, against 0.24 s for the
 * JDK's raw decode plus the ink formula. Without a profile both take about 0.4 s. The time goes into
 * the JDK's colour management (one {@code ColorConvertOp} with the same profile over the whole raster
 * took 5 s), not into TwelveMonkeys; if CMYK scans ever come in bulk, converting through a 4-D table
 * sampled once per profile would be the way to win it back. Such files are rare, and the colours are
 * what the file says they are.
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
