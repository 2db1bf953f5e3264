package io.github.colorize.internal.io;

import io.github.colorize.ImageReadOptions;
import io.github.colorize.ImageTooLargeException;
import io.github.colorize.SourceImage;
import io.github.colorize.UndecodableImageException;
import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Decodes photo files into 8-bit sRGB as old-photo scans really are. Stateless, thread-safe.
 *
 * <p>In order: the file is read whole (it is hashed anyway); the pixel count is checked from the
 * header before any pixel is decoded; four-component JPEGs with an Adobe APP14 segment (CMYK, YCCK,
 * as Photoshop writes them) are decoded by TwelveMonkeys' reader ({@link CmykJpegReader}), which
 * applies an embedded CMYK ICC profile; four-component JPEGs without one are decoded as raw rasters
 * and converted by {@link CmykConverter}; everything else is decoded by ImageIO and normalised by
 * {@link SrgbConverter} (16-bit, palette, gray, gray+alpha, alpha kept or flattened onto white);
 * finally the EXIF orientation is applied. Truncation that the JPEG decoder only warns about (it
 * would return a half-gray image) is an error here.
 *
 * <p>Which ImageIO reader for the other files: the JDK's own when it has one for the file, else the
 * first one ImageIO offers ({@link JdkImageIo}): TwelveMonkeys' JPEG reader, which we carry for the
 * files above, puts itself first in ImageIO's registry and would otherwise read every JPEG.
 */
public final class PhotoReader {

    private PhotoReader() {}

    /**
     * Reads a file.
     *
     * @param file the file
     * @param options how to read
     * @return the decoded photo
     * @throws UndecodableImageException naming the file and the cause
     * @throws ImageTooLargeException if the header declares more pixels than the limit
     */
    public static SourceImage read(Path file, ImageReadOptions options) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UndecodableImageException(file, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new UndecodableImageException(file, "permission denied", e);
        } catch (IOException e) {
            throw new UndecodableImageException(file, "cannot read the file: " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            // Files.readAllBytes refuses files over 2 GiB this way; no photo is that large.
            throw new UndecodableImageException(file, "file too large to read", e);
        }
        return decode(file, bytes, options);
    }

    /**
     * Decodes bytes.
     *
     * @param file the file name for messages, or null
     * @param bytes the encoded image; not modified
     * @param options how to read
     * @return the decoded photo
     * @throws UndecodableImageException naming the file and the cause
     * @throws ImageTooLargeException if the header declares more pixels than the limit
     */
    public static SourceImage decode(Path file, byte[] bytes, ImageReadOptions options) {
        if (bytes.length == 0) {
            throw new UndecodableImageException(file, "the file is empty", null);
        }
        JpegSegments jpeg = JpegSegments.scan(bytes);
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            ImageReader reader = chooseReader(in, jpeg);
            if (reader == null) {
                throw new UndecodableImageException(
                        file, "not an image, or not in a format this JVM reads (" + readableFormats() + ")", null);
            }
            try {
                return decode(file, bytes, options, jpeg, reader, in);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UndecodableImageException(file, describe(e), e);
        } catch (UndecodableImageException | ImageTooLargeException e) {
            throw e;
        } catch (RuntimeException e) {
            // Decoders throw unchecked exceptions on hostile input (negative sizes, bad tables).
            throw new UndecodableImageException(file, "the decoder failed: " + e, e);
        }
    }

    private static SourceImage decode(
            Path file,
            byte[] bytes,
            ImageReadOptions options,
            JpegSegments jpeg,
            ImageReader reader,
            ImageInputStream in)
            throws IOException {
        reader.setInput(in, true, false);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        if (w <= 0 || h <= 0) {
            throw new UndecodableImageException(file, "the header declares a size of " + w + "x" + h, null);
        }
        if ((long) w * h > options.maxPixels()) {
            throw new ImageTooLargeException(file, w, h, options.maxPixels());
        }
        BufferedImage image;
        if (isAdobeFourComponent(jpeg)) {
            image = SrgbConverter.convert(reader.read(0), false);
        } else if (jpeg.components() == 4) {
            image = CmykConverter.toRgb(reader.readRaster(0, null));
        } else {
            image = SrgbConverter.convert(reader.read(0), options.keepAlpha());
        }
        for (String warning : warnings) {
            String lower = warning.toLowerCase(Locale.ROOT);
            if (lower.contains("truncated") || lower.contains("premature end")) {
                throw new UndecodableImageException(file, "the file is truncated (" + warning + ")", null);
            }
        }
        if (options.applyExifOrientation()) {
            int orientation = JpegSegments.isJpeg(bytes) ? ExifOrientation.of(jpeg, bytes) : ExifOrientation.of(bytes);
            image = OrientationTransform.apply(image, orientation);
        }
        String format = reader.getFormatName().toLowerCase(Locale.ROOT);
        return new SourceImage(image, Sha256.of(bytes), format);
    }

    private static boolean isAdobeFourComponent(JpegSegments jpeg) {
        return jpeg.components() == 4 && jpeg.adobeTransform() != JpegSegments.NO_ADOBE_MARKER;
    }

    /** The reader for the input (see the class comment), or null if no reader knows the format. */
    private static @Nullable ImageReader chooseReader(ImageInputStream in, JpegSegments jpeg) throws IOException {
        if (isAdobeFourComponent(jpeg)) {
            return CmykJpegReader.create();
        }
        return JdkImageIo.reader(ImageIO.getImageReaders(in));
    }

    private static String describe(IOException e) {
        StringBuilder why = new StringBuilder();
        for (Throwable t = e; t != null && why.length() < 300; t = t.getCause()) {
            String m = t instanceof EOFException ? "unexpected end of file (truncated?)" : t.getMessage();
            if (m != null && why.indexOf(m) < 0) {
                why.append(why.length() == 0 ? "" : ": ").append(m);
            }
        }
        return why.length() == 0 ? e.getClass().getSimpleName() : why.toString();
    }

    private static String readableFormats() {
        TreeSet<String> names = new TreeSet<>();
        Arrays.stream(ImageIO.getReaderFormatNames())
                .map(n -> n.toLowerCase(Locale.ROOT))
                .forEach(names::add);
        return "readable: " + String.join(", ", names);
    }

    /**
     * Converts any image to 8-bit sRGB ({@code TYPE_INT_RGB}, or {@code TYPE_INT_ARGB} when alpha is
     * kept and present); see {@link SrgbConverter}.
     *
     * @param raw the image; not modified
     * @param keepAlpha whether to keep alpha instead of flattening it onto white
     * @return {@code raw} itself when it already has that type, else a new image
     */
    public static BufferedImage toSrgb(BufferedImage raw, boolean keepAlpha) {
        return SrgbConverter.convert(raw, keepAlpha);
    }
}
