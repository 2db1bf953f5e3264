package io.github.colorize.internal.io;

import io.github.colorize.internal.color.ParallelLoops;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.stream.IntStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Baseline JPEG through ImageIO's (native, single-threaded) encoder, in horizontal stripes encoded in
 * parallel and joined with restart markers into one standard file.
 *
 * <p>Why this is one valid JPEG with the pixels of a whole-image encode: every stripe but the last is a
 * whole number of MCU rows, so libjpeg sees the same 8×8 blocks and the same (2×2-averaged) chroma it
 * would see in the whole image, and with the same quality every stripe gets the same quantisation and
 * Huffman tables (ImageIO writes the standard tables; {@link JpegStripes} checks that the headers
 * agree). A stripe's entropy-coded data starts with the DC predictions at zero and ends padded with
 * one-bits to a byte, which is exactly the state at a restart marker; so the stripes' data, separated
 * by {@code RST0..RST7} and announced by a {@code DRI} segment whose interval is one stripe's MCU count,
 * decode to the same coefficients as the whole-image encode. Decoders have supported restart markers
 * since the first JPEG decoders (baseline requires it).
 *
 * <p>Images smaller than two stripes are encoded whole, exactly as before. Stateless, thread-safe.
 */
final class JpegStripeEncoder {

    /** MCU height of every layout ImageIO writes (4:2:0 colour, 16; gray, 8), and of the stripes. */
    static final int MCU_ROWS = 16;

    /** Stripes shorter than this cost more in encoder set-up than they gain. */
    private static final int MIN_STRIPE_ROWS = 128;

    /** The restart interval is a 16-bit count of MCUs. */
    private static final int MAX_INTERVAL = 0xFFFF;

    private JpegStripeEncoder() {}

    /**
     * Encodes an image.
     *
     * @param image {@code TYPE_INT_RGB}, {@code TYPE_3BYTE_BGR} or {@code TYPE_BYTE_GRAY}
     * @param quality JPEG quality in (0, 1]
     * @param out where the file's bytes go (not closed)
     * @throws IOException if encoding or writing fails
     */
    static void encode(BufferedImage image, float quality, OutputStream out) throws IOException {
        encode(image, quality, out, stripeRows(image.getWidth(), image.getHeight(), ParallelLoops.threads()));
    }

    /**
     * Encodes with a given stripe height (tests use small ones).
     *
     * @param stripeRows rows per stripe, a multiple of {@link #MCU_ROWS}, or at least the height for one
     *     whole-image encode
     */
    static void encode(BufferedImage image, float quality, OutputStream out, int stripeRows) throws IOException {
        int h = image.getHeight();
        checkReadable(image);
        if (stripeRows >= h) {
            out.write(encodeWhole(stripe(image, 0, h), quality));
            return;
        }
        if (stripeRows <= 0 || stripeRows % MCU_ROWS != 0) {
            throw new IllegalArgumentException("stripes must be whole MCU rows, got " + stripeRows);
        }
        int stripes = (h + stripeRows - 1) / stripeRows;
        int wave = 2 * ParallelLoops.threads();
        JpegStripes joiner = null;
        for (int first = 0; first < stripes; first += wave) {
            int from = first;
            int to = Math.min(stripes, first + wave);
            // Waves bound the memory to a few stripes' pixels and output; the caller's thread works too.
            byte[][] encoded = IntStream.range(from, to)
                    .parallel()
                    .mapToObj(i -> {
                        int y0 = i * stripeRows;
                        return encodeWhole(stripe(image, y0, Math.min(h, y0 + stripeRows) - y0), quality);
                    })
                    .toArray(byte[][]::new);
            for (int i = from; i < to; i++) {
                if (joiner == null) {
                    joiner = JpegStripes.start(encoded[0], image.getWidth(), h, stripeRows, out);
                } else {
                    joiner.append(encoded[i - from], i == stripes - 1);
                }
            }
        }
    }

    /**
     * Rows per stripe: a few stripes per thread, so that uneven stripes even out, at least {@value
     * #MIN_STRIPE_ROWS} rows, and few enough MCUs for the 16-bit restart interval.
     */
    static int stripeRows(int w, int h, int threads) {
        int mcusPerRow = (w + 7) / 8; // an upper bound for every layout (gray counts 8×8 blocks)
        int maxRows = Math.max(MCU_ROWS, MAX_INTERVAL / mcusPerRow * 8 / MCU_ROWS * MCU_ROWS);
        int wanted = (h + 4 * threads - 1) / (4 * threads);
        int rows = Math.max(MIN_STRIPE_ROWS, (wanted + MCU_ROWS - 1) / MCU_ROWS * MCU_ROWS);
        rows = Math.min(rows, maxRows);
        return threads <= 1 || rows >= h ? h : rows;
    }

    /** One standalone ImageIO encode, as PhotoWriter did for the whole image. */
    static byte[] encodeWhole(BufferedImage img, float quality) {
        // The JDK's writer even where a plugin (TwelveMonkeys') puts itself first; see JdkImageIo.
        ImageWriter writer = JdkImageIo.writer(ImageIO.getImageWritersByFormatName("jpeg"));
        if (writer == null) {
            throw new UncheckedIOException(new IOException("this JVM has no ImageIO writer for jpeg"));
        }
        ByteArrayOutputStream bytes =
                new ByteArrayOutputStream(Math.max(1 << 12, img.getWidth() * img.getHeight() / 4));
        // A memory cache, not ImageIO's default file cache: no stray files in java.io.tmpdir.
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Fails, on the calling thread, for images whose pixels cannot be read. */
    private static void checkReadable(BufferedImage image) {
        int type = image.getType();
        if (type != BufferedImage.TYPE_INT_RGB
                && type != BufferedImage.TYPE_3BYTE_BGR
                && type != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("expected INT_RGB, 3BYTE_BGR or BYTE_GRAY, got type " + type);
        }
        image.getRaster();
    }

    /**
     * Rows {@code y0 .. y0+rows} as an image ImageIO reads straight from a byte array: a view of byte
     * images, a {@code TYPE_3BYTE_BGR} copy of packed ints (ImageIO's own conversion of packed ints,
     * sample by sample through the sample model, costs more than the encoding itself).
     */
    static BufferedImage stripe(BufferedImage image, int y0, int rows) {
        int w = image.getWidth();
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            return y0 == 0 && rows == image.getHeight() ? image : image.getSubimage(0, y0, w, rows);
        }
        int[] row = new int[w];
        BufferedImage bgr = new BufferedImage(w, rows, BufferedImage.TYPE_3BYTE_BGR);
        byte[] d = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        for (int y = 0, o = 0; y < rows; y++) {
            image.getRaster().getDataElements(0, y0 + y, w, 1, row);
            for (int x = 0; x < w; x++, o += 3) {
                int p = row[x];
                d[o] = (byte) p;
                d[o + 1] = (byte) (p >> 8);
                d[o + 2] = (byte) (p >> 16);
            }
        }
        return bgr;
    }
}
