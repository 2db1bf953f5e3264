package io.github.colorize.internal.io;

import io.github.colorize.internal.color.ParallelLoops;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.stream.IntStream;

/**
 * PNG for 8-bit RGB, RGBA and gray images, filtered and compressed in horizontal stripes in parallel
 * on the common pool, written as one standard file: signature, {@code IHDR}, one {@code IDAT} per
 * stripe holding one zlib stream together ({@link ZlibStripes}), {@code IEND}.
 *
 * <p>Why not ImageIO's PNG writer: it filters and deflates on one thread, converts packed pixels sample
 * by sample through the sample model, and took 1.1 to 1.9 s for a 12-megapixel photo (at deflate level
 * 4, 21 MB). Here, with libpng's filter heuristic ({@link PngRows}) and deflate level {@value #LEVEL},
 * the same photo is about 13.6 MB and costs less than half the CPU time (whole-run benchmark: 1.4 s
 * to 0.7 s), spread over the cores. Level 2 would save another 2.5 % of the size for 12 % more deflate
 * time; level 3 and up take about twice as long for 7 %. Stateless, thread-safe.
 */
final class PngEncoder {

    static final int LEVEL = 1;

    /** Stripes smaller than this (uncompressed) cost more in set-up than they gain. */
    private static final int MIN_STRIPE_BYTES = 1 << 18;

    private PngEncoder() {}

    /**
     * Whether this encoder writes the image (else ImageIO does).
     *
     * @param image any image
     * @return true for {@code TYPE_INT_RGB}, {@code TYPE_INT_ARGB} and {@code TYPE_BYTE_GRAY}
     */
    static boolean supports(BufferedImage image) {
        return PngRows.Layout.of(image) != null;
    }

    /**
     * Encodes an image.
     *
     * @param image a {@link #supports supported} image
     * @param out where the file's bytes go (not closed)
     * @throws IOException if writing fails
     */
    static void encode(BufferedImage image, OutputStream out) throws IOException {
        PngRows.Layout layout = PngRows.Layout.of(image);
        int w = image.getWidth();
        int stride = 1 + w * layout.bytesPerPixel();
        encode(image, out, stripeRows(stride, image.getHeight(), ParallelLoops.threads()));
    }

    /**
     * Encodes with a given stripe height (tests use small ones).
     *
     * @param stripeRows rows per stripe, at least 1
     */
    static void encode(BufferedImage image, OutputStream out, int stripeRows) throws IOException {
        PngRows.Layout layout = PngRows.Layout.of(image);
        if (layout == null) {
            throw new IllegalArgumentException("unsupported image type " + image.getType());
        }
        int w = image.getWidth();
        int h = image.getHeight();
        image.getRaster(); // an image that cannot give its pixels fails here, on this thread
        out.write(PngChunks.signature());
        PngChunks.write(
                out,
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(w)
                        .putInt(h)
                        .put((byte) 8)
                        .put((byte) layout.colorType())
                        .put(new byte[3]) // deflate, adaptive filtering, no interlace
                        .array());
        int stripes = (h + stripeRows - 1) / stripeRows;
        int wave = 2 * ParallelLoops.threads();
        long adler = 1;
        for (int first = 0; first < stripes; first += wave) {
            int from = first;
            int to = Math.min(stripes, first + wave);
            // Waves bound the memory to a few stripes; the caller's thread works too.
            ZlibStripes.Piece[] pieces = IntStream.range(from, to)
                    .parallel()
                    .mapToObj(i -> {
                        int y0 = i * stripeRows;
                        byte[] rows = PngRows.filter(image, layout, y0, Math.min(h, y0 + stripeRows));
                        return ZlibStripes.deflate(rows, LEVEL, i == stripes - 1);
                    })
                    .toArray(ZlibStripes.Piece[]::new);
            for (int i = from; i < to; i++) {
                ZlibStripes.Piece p = pieces[i - from];
                adler = ZlibStripes.combine(adler, p.adler(), p.inputLength());
                byte[] head = i == 0 ? ZlibStripes.header(LEVEL) : new byte[0];
                byte[] tail = i == stripes - 1
                        ? ByteBuffer.allocate(4).putInt((int) adler).array()
                        : new byte[0];
                PngChunks.write(out, "IDAT", head, p.data(), p.length(), tail);
            }
        }
        PngChunks.write(out, "IEND", new byte[0]);
    }

    /** About four stripes per thread, none under {@value #MIN_STRIPE_BYTES} bytes unless the image is. */
    static int stripeRows(int stride, int h, int threads) {
        int byMemory = (MIN_STRIPE_BYTES + stride - 1) / stride;
        int byThreads = (h + 4 * threads - 1) / (4 * threads);
        return Math.max(1, Math.min(h, Math.max(byMemory, byThreads)));
    }
}
