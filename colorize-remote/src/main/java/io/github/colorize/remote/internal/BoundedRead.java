package io.github.colorize.remote.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import okhttp3.ResponseBody;

/**
 * Reads an HTTP body with a size cap, so that a hostile or broken server cannot fill the memory.
 * Stateless; thread-safe.
 */
final class BoundedRead {

    private BoundedRead() {}

    /**
     * Reads a body.
     *
     * @param body the body
     * @param cap the most bytes to keep
     * @param strict true to fail beyond the cap, false to keep only the first {@code cap} bytes
     * @return the bytes
     * @throws TooLargeException if strict and the body has more than {@code cap} bytes
     * @throws IOException if reading fails, including a body shorter than its Content-Length
     */
    static byte[] bytes(ResponseBody body, long cap, boolean strict) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(cap, 64 * 1024));
        byte[] buf = new byte[16 * 1024];
        long total = 0;
        try (InputStream in = body.byteStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                long room = cap - total;
                if (n > room) {
                    if (strict) {
                        throw new TooLargeException();
                    }
                    out.write(buf, 0, (int) room);
                    return out.toByteArray();
                }
                out.write(buf, 0, n);
                total += n;
            }
        }
        return out.toByteArray();
    }

    /** The body was larger than the cap. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException() {
            super("body larger than the cap");
        }
    }
}
