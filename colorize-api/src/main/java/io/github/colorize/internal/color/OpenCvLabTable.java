package io.github.colorize.internal.color;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/**
 * OpenCV 4.6's 33×33×33 RGB→Lab table ({@code RGB2LabLUT_s16}), as captured from OpenCV by {@code
 * tools/golden/make_golden.py} at the grid colours {@code k/32} (where OpenCV's interpolation
 * returns the table entry itself) and shipped as a gzip resource.
 *
 * <p>Why captured rather than computed: OpenCV builds the table with its own software-float {@code
 * pow} and {@code cbrt}; recomputing it in double differs by ±1 in about 70 of the 107,811 entries,
 * which is enough to flip a few output bytes. Layout: for r, g, b in 0..32 (b fastest), the int16
 * triple {@code (round(2^14·L/100), round(2^14·(a+128)/256), round(2^14·(b+128)/256))}, big-endian.
 */
final class OpenCvLabTable {

    /** Grid points per axis. */
    static final int DIM = 33;

    static final String RESOURCE = "opencv-rgb2lab-lut.bin.gz";

    private OpenCvLabTable() {}

    /**
     * Loads the table.
     *
     * @return {@code 33·33·33·3} entries, index {@code ((r·33 + g)·33 + b)·3 + channel}
     * @throws IllegalStateException if the resource is missing or truncated (a packaging error)
     */
    static short[] load() {
        short[] t = new short[DIM * DIM * DIM * 3];
        try (InputStream raw = OpenCvLabTable.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " next to " + OpenCvLabTable.class);
            }
            try (DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16))) {
                for (int i = 0; i < t.length; i++) {
                    t[i] = in.readShort();
                }
                if (in.read() != -1) {
                    throw new IllegalStateException("resource " + RESOURCE + " is longer than expected");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
        }
        return t;
    }
}
