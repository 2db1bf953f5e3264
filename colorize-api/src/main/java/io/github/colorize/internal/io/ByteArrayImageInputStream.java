package io.github.colorize.internal.io;

import java.util.Objects;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * A seekable {@link javax.imageio.stream.ImageInputStream} over a byte array, without copying it.
 *
 * <p>Why: {@code ImageIO.createImageInputStream(InputStream)} wraps streams in a cache, by default a
 * temporary file, although the whole file is already in memory (we hash it anyway). Not thread-safe,
 * like every {@code ImageInputStream}; the array is borrowed and must not change while in use.
 */
final class ByteArrayImageInputStream extends ImageInputStreamImpl {

    private final byte[] data;

    ByteArrayImageInputStream(byte[] data) {
        this.data = Objects.requireNonNull(data, "data");
    }

    @Override
    public int read() {
        bitOffset = 0;
        if (streamPos >= data.length) {
            return -1;
        }
        return data[(int) streamPos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        if (streamPos >= data.length) {
            return -1;
        }
        int n = (int) Math.min(len, data.length - streamPos);
        System.arraycopy(data, (int) streamPos, b, off, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return data.length;
    }
}
