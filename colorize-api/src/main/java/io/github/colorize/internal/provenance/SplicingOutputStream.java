package io.github.colorize.internal.provenance;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

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
        if (spliced) {
            out.write(b, off, len);
            return;
        }
        if (headLength + len > head.length) {
            if (headLength + len > MAX_HEAD) {
                throw new IOException("no place to insert metadata within the first " + MAX_HEAD + " bytes");
            }
            head = Arrays.copyOf(head, Math.max(head.length * 2, headLength + len));
        }
        System.arraycopy(b, off, head, headLength, len);
        headLength += len;
        int at = locator.locate(head, headLength);
        if (at >= 0) {
            out.write(head, 0, at);
            out.write(insert);
            out.write(head, at, headLength - at);
            spliced = true;
            head = null;
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
