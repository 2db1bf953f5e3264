package io.github.colorize.internal.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Joins standalone baseline JPEGs of consecutive horizontal stripes of one image into a single JPEG
 * whose stripes are restart intervals (see {@link JpegStripeEncoder} for why that is valid).
 *
 * <p>The output is the first stripe's headers with the image height in its frame header, a {@code DRI}
 * segment before the scan header, then each stripe's entropy-coded data followed by the next restart
 * marker ({@code RST0..RST7}, cycling), and {@code EOI}. Every stripe's headers must equal the first
 * one's apart from the height, or the join is refused: the tables would not describe its data. Not
 * thread-safe; one instance per file.
 */
final class JpegStripes {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int DRI = 0xDD;
    private static final int RST0 = 0xD0;

    private final OutputStream out;

    /** The first stripe's headers up to its entropy-coded data, its height bytes zeroed. */
    private final byte[] headers;

    /** Offset of the frame header's height field in {@link #headers}. */
    private final int heightAt;

    private int appended;

    private JpegStripes(OutputStream out, byte[] headers, int heightAt) {
        this.out = out;
        this.headers = headers;
        this.heightAt = heightAt;
    }

    /**
     * Writes the file's headers and the first stripe's data.
     *
     * @param first the first stripe, a complete baseline JPEG
     * @param width the image width (every stripe's)
     * @param height the whole image's height
     * @param stripeRows rows of every stripe but the last
     * @param out where the joined file goes
     * @return the joiner, to {@link #append} the other stripes to
     * @throws IOException if writing fails
     * @throws IllegalStateException if the stripe is not a baseline JPEG of that width whose MCU rows
     *     divide {@code stripeRows}
     */
    static JpegStripes start(byte[] first, int width, int height, int stripeRows, OutputStream out) throws IOException {
        Layout l = Layout.of(first);
        if (l.width != width) {
            throw new IllegalStateException("stripe width " + l.width + ", expected " + width);
        }
        if (stripeRows % l.mcuHeight != 0) {
            throw new IllegalStateException(stripeRows + " rows are not whole MCU rows of " + l.mcuHeight);
        }
        long interval = (long) l.mcusPerRow * (stripeRows / l.mcuHeight);
        if (interval > 0xFFFF) {
            throw new IllegalStateException("a stripe of " + interval + " MCUs exceeds the restart interval field");
        }
        byte[] headers = Arrays.copyOf(first, l.dataStart);
        headers[l.heightAt] = (byte) (height >> 8);
        headers[l.heightAt + 1] = (byte) height;
        out.write(headers, 0, l.scanStart);
        out.write(new byte[] {(byte) 0xFF, (byte) DRI, 0, 4, (byte) (interval >> 8), (byte) interval});
        out.write(first, l.scanStart, first.length - 2 - l.scanStart);
        out.write(new byte[] {(byte) 0xFF, (byte) RST0});
        headers[l.heightAt] = 0;
        headers[l.heightAt + 1] = 0;
        JpegStripes joiner = new JpegStripes(out, headers, l.heightAt);
        joiner.appended = 1;
        return joiner;
    }

    /**
     * Appends the next stripe's entropy-coded data, then the next restart marker, or {@code EOI} after
     * the last stripe.
     *
     * @param stripe the stripe, a complete baseline JPEG encoded like the first
     * @param last whether it is the last stripe
     * @throws IOException if writing fails
     * @throws IllegalStateException if its headers differ from the first stripe's
     */
    void append(byte[] stripe, boolean last) throws IOException {
        Layout l = Layout.of(stripe);
        byte[] mine = Arrays.copyOf(stripe, l.dataStart);
        if (l.heightAt != heightAt) {
            throw new IllegalStateException("stripe " + appended + " has other headers than the first");
        }
        mine[heightAt] = 0;
        mine[heightAt + 1] = 0;
        if (!Arrays.equals(mine, headers)) {
            throw new IllegalStateException("stripe " + appended + " has other tables than the first");
        }
        out.write(stripe, l.dataStart, stripe.length - 2 - l.dataStart);
        out.write(new byte[] {(byte) 0xFF, (byte) (last ? EOI : RST0 + appended % 8)});
        appended++;
    }

    /** Where things are in one stripe's bytes, and its MCU geometry. */
    private record Layout(int width, int heightAt, int scanStart, int dataStart, int mcuHeight, int mcusPerRow) {

        static Layout of(byte[] b) {
            int n = b.length;
            if (n < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != SOI) {
                throw new IllegalStateException("not a JPEG");
            }
            if ((b[n - 2] & 0xFF) != 0xFF || (b[n - 1] & 0xFF) != EOI) {
                throw new IllegalStateException("the JPEG does not end with EOI");
            }
            int heightAt = -1;
            int width = 0;
            int mcuHeight = 8;
            int mcusPerRow = 0;
            int p = 2;
            while (p + 4 <= n) {
                if ((b[p] & 0xFF) != 0xFF) {
                    throw new IllegalStateException("expected a marker at offset " + p);
                }
                int marker = b[p + 1] & 0xFF;
                int length = (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
                if (marker == SOS) {
                    if (heightAt < 0) {
                        throw new IllegalStateException("no baseline frame header before the scan");
                    }
                    return new Layout(width, heightAt, p, p + 2 + length, mcuHeight, mcusPerRow);
                }
                if (marker == DRI || marker >= 0xC2 && marker <= 0xCF && marker != 0xC4 && marker != 0xCC) {
                    // Progressive, lossless, arithmetic or already restarted: not what the stripes assume.
                    throw new IllegalStateException(String.format("unexpected marker 0x%02X", marker));
                }
                if (marker == 0xC0 || marker == 0xC1) {
                    heightAt = p + 5;
                    width = (b[p + 7] & 0xFF) << 8 | (b[p + 8] & 0xFF);
                    int components = b[p + 9] & 0xFF;
                    int hMax = 1;
                    int vMax = 1;
                    for (int c = 0; c < components; c++) {
                        int sampling = b[p + 11 + 3 * c] & 0xFF;
                        hMax = Math.max(hMax, sampling >> 4);
                        vMax = Math.max(vMax, sampling & 0xF);
                    }
                    // One component: the scan is not interleaved and an MCU is one 8×8 block.
                    int mcuWidth = components == 1 ? 8 : 8 * hMax;
                    mcuHeight = components == 1 ? 8 : 8 * vMax;
                    mcusPerRow = (width + mcuWidth - 1) / mcuWidth;
                }
                p += 2 + length;
            }
            throw new IllegalStateException("no scan header");
        }
    }
}
