package io.github.colorize.internal.provenance;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Inserts a block of bytes (a metadata chunk or segment) into an encoder's output as it streams past,
 * at an offset found by looking at the output's first bytes; so the encoded image never has to be held
 * in memory twice. Not thread-safe, like any stream.
 */
public final class SplicingOutputStream extends FilterOutputStream {

    /** Finds the insertion offset in the first bytes of the output. */
    @FunctionalInterface
    public interface Locator {
        /**
         * Where to insert.
         *
         * @param head the bytes so far
         * @param length how many of them are valid
         * @return the offset (at most {@code length}), or -1 if more bytes are needed
         * @throws IOException if the output is not what the locator expects
         */
        int locate(byte[] head, int length) throws IOException;
    }

    /** Headers that need more than this before the insertion point are not what we expect. */
    private static final int MAX_HEAD = 1 << 16;

    private final Locator locator;
    private final byte[] insert;
    private byte[] head = new byte[64];
    private int headLength;
    private boolean spliced;

    /**
     * Creates the stream.
     *
     * @param out where the spliced output goes (closed with this stream)
     * @param locator finds the offset
     * @param insert the bytes to insert
     */
    public SplicingOutputStream(OutputStream out, Locator locator, byte[] insert) {
        super(out);
        this.locator = locator;
        this.insert = insert.clone();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (spliced) {
            out.write(b, off, len);
            return;
        }
        // Only what the head buffer has room for is held back: an encoder may hand over the whole file
        // in one call (JpegStripeEncoder does for short images), and the insertion point lies within
        // its first bytes; the rest of the call passes straight through once the point is found.
        int take = Math.min(len, MAX_HEAD - headLength);
        if (headLength + take > head.length) {
            head = Arrays.copyOf(head, Math.min(MAX_HEAD, Math.max(head.length * 2, headLength + take)));
        }
        System.arraycopy(b, off, head, headLength, take);
        headLength += take;
        int at = locator.locate(head, headLength);
        if (at < 0) {
            if (headLength == MAX_HEAD) {
                throw new IOException("no place to insert metadata within the first " + MAX_HEAD + " bytes");
            }
            return; // all of b was taken: only a full head buffer leaves any of it over
        }
        out.write(head, 0, at);
        out.write(insert);
        out.write(head, at, headLength - at);
        spliced = true;
        head = null;
        if (take < len) {
            out.write(b, off + take, len - take);
        }
    }

    /**
     * Whether the bytes have been inserted. An encoder that finished without that happening produced
     * output too short to be an image.
     *
     * @return true once inserted
     */
    public boolean spliced() {
        return spliced;
    }

    /**
     * Flushes and closes, failing if the insertion point was never reached, so that a file never
     * silently lacks its record.
     *
     * @throws IOException if the output ended before the insertion point
     */
    @Override
    public void close() throws IOException {
        try {
            if (!spliced) {
                throw new IOException(
                        "encoder output ended (" + headLength + " bytes) before metadata could be inserted");
            }
        } finally {
            super.close();
        }
    }
}
