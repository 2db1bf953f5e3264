package io.github.colorize.internal.io;

import java.util.Arrays;
import java.util.zip.Adler32;
import java.util.zip.Deflater;

/**
 * One zlib stream (RFC 1950) compressed in independent pieces, as pigz does: each piece is raw
 * deflate data (RFC 1951) from its own {@link Deflater}; every piece but the last ends with a sync
 * flush (an empty stored block that ends on a byte boundary, not marked final), the last one with the
 * final block. Laid end to end after the two-byte zlib header they are one valid deflate stream, and
 * the stream's Adler-32 trailer is the pieces' checksums combined ({@link #combine}). Pieces do not
 * see each other's data as history, which costs a few bytes per piece of megabytes. Stateless,
 * thread-safe.
 */
final class ZlibStripes {

    private static final long BASE = 65521; // largest prime below 2^16, Adler-32's modulus

    /**
     * A compressed piece.
     *
     * @param data the raw deflate bytes, {@code length} of them valid
     * @param length how many bytes of {@code data} are valid
     * @param adler the Adler-32 of the piece's uncompressed input
     * @param inputLength the uncompressed input's length
     */
    record Piece(byte[] data, int length, long adler, long inputLength) {}

    private ZlibStripes() {}

    /**
     * Compresses one piece.
     *
     * @param input the uncompressed bytes
     * @param level deflate level, 0 to 9
     * @param last whether this is the stream's last piece (final block) or not (sync flush)
     * @return the piece
     */
    static Piece deflate(byte[] input, int level, boolean last) {
        Deflater deflater = new Deflater(level, true);
        try {
            deflater.setInput(input);
            byte[] out = new byte[Math.max(1 << 12, input.length / 2)];
            int n = 0;
            if (last) {
                deflater.finish();
                while (!deflater.finished()) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    n += deflater.deflate(out, n, out.length - n);
                }
            } else {
                // Done when all input is taken and the flush did not fill the buffer: with SYNC_FLUSH, a
                // full buffer means there may be more to come (Deflater's contract).
                while (true) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    int room = out.length - n;
                    int k = deflater.deflate(out, n, room, Deflater.SYNC_FLUSH);
                    n += k;
                    if (k < room && deflater.needsInput()) {
                        break;
                    }
                }
            }
            Adler32 adler = new Adler32();
            adler.update(input);
            return new Piece(out, n, adler.getValue(), input.length);
        } finally {
            deflater.end();
        }
    }

    /**
     * The zlib header for a deflate level: method 8 with a 32 KiB window, and the level's class in
     * FLEVEL (informational only), with the check bits that make it a multiple of 31.
     *
     * @param level the deflate level
     * @return the two header bytes
     */
    static byte[] header(int level) {
        int cmf = 0x78;
        int flevel = level <= 1 ? 0 : level <= 5 ? 1 : level == 6 ? 2 : 3;
        int flg = flevel << 6;
        flg += 31 - (cmf * 256 + flg) % 31;
        return new byte[] {(byte) cmf, (byte) flg};
    }

    /**
     * The Adler-32 of two pieces of data laid end to end, from theirs (zlib's {@code adler32_combine}).
     *
     * @param adler1 the first piece's checksum
     * @param adler2 the second piece's checksum
     * @param length2 the second piece's length
     * @return the checksum of both
     */
    static long combine(long adler1, long adler2, long length2) {
        long rem = length2 % BASE;
        long sum1 = adler1 & 0xFFFF;
        long sum2 = rem * sum1 % BASE;
        sum1 += (adler2 & 0xFFFF) + BASE - 1;
        sum2 += ((adler1 >> 16) & 0xFFFF) + ((adler2 >> 16) & 0xFFFF) + BASE - rem;
        if (sum1 >= BASE) {
            sum1 -= BASE;
        }
        if (sum1 >= BASE) {
            sum1 -= BASE;
        }
        if (sum2 >= BASE << 1) {
            sum2 -= BASE << 1;
        }
        if (sum2 >= BASE) {
            sum2 -= BASE;
        }
        return sum1 | sum2 << 16;
    }
}
