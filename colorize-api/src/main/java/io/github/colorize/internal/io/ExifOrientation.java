package io.github.colorize.internal.io;

/**
 * Finds the EXIF Orientation tag (0x0112) of JPEG, PNG and TIFF files with a small bounded parser.
 * Stateless, thread-safe.
 *
 * <p>Only IFD0 is read, where the tag lives. Every offset is checked against the block before it is
 * followed, so a damaged or hostile block yields {@link #NORMAL} rather than an exception: a wrong
 * rotation is a lesser evil than refusing a photo whose pixels are fine.
 */
final class ExifOrientation {

    /** The orientation that needs no change. */
    static final int NORMAL = 1;

    private static final int TAG_ORIENTATION = 0x0112;
    private static final int TYPE_SHORT = 3;
    private static final int TYPE_LONG = 4;
    private static final int MAX_IFD_ENTRIES = 4096;
    private static final int MAX_PNG_CHUNKS = 100_000;

    private ExifOrientation() {}

    /**
     * The orientation a file declares.
     *
     * @param file the whole file
     * @return 1 to 8 as in the EXIF specification; {@link #NORMAL} when absent or unreadable
     */
    static int of(byte[] file) {
        if (JpegSegments.isJpeg(file)) {
            return of(JpegSegments.scan(file), file);
        }
        if (PngChunks.startsWithSignature(file)) {
            return fromPng(file);
        }
        if (isTiff(file, 0, file.length)) {
            return fromTiff(file, 0, file.length);
        }
        return NORMAL;
    }

    /**
     * The orientation in a JPEG whose segments were already scanned.
     *
     * @param segments the scan
     * @param file the whole file
     * @return 1 to 8
     */
    static int of(JpegSegments segments, byte[] file) {
        return segments.exifOffset() < 0 ? NORMAL : fromTiff(file, segments.exifOffset(), segments.exifLength());
    }

    /**
     * Reads the orientation from a TIFF-structured block (the payload of a JPEG APP1 Exif segment after
     * its {@code Exif\0\0} prefix, a PNG {@code eXIf} chunk, or a whole TIFF file).
     *
     * @param b the bytes
     * @param start where the TIFF header starts
     * @param length the block's length
     * @return 1 to 8; {@link #NORMAL} when absent, out of range or malformed
     */
    static int fromTiff(byte[] b, int start, int length) {
        if (start < 0 || length < 8 || (long) start + length > b.length || !isTiff(b, start, length)) {
            return NORMAL;
        }
        boolean little = b[start] == 'I';
        long ifd = u32(b, start + 4, little);
        if (ifd < 8 || ifd > length - 2) {
            return NORMAL;
        }
        int ifdPos = start + (int) ifd;
        int count = u16(b, ifdPos, little);
        int room = (int) ((length - ifd - 2) / 12);
        int entries = Math.min(Math.min(count, room), MAX_IFD_ENTRIES);
        for (int i = 0; i < entries; i++) {
            int e = ifdPos + 2 + 12 * i;
            if (u16(b, e, little) != TAG_ORIENTATION) {
                continue;
            }
            int type = u16(b, e + 2, little);
            long n = u32(b, e + 4, little);
            long value;
            if (type == TYPE_SHORT && n >= 1) {
                value = u16(b, e + 8, little);
            } else if (type == TYPE_LONG && n >= 1) {
                value = u32(b, e + 8, little); // not what the spec says, but some writers do it
            } else {
                return NORMAL;
            }
            return value >= 1 && value <= 8 ? (int) value : NORMAL;
        }
        return NORMAL;
    }

    private static int fromPng(byte[] b) {
        int pos = 8; // after the signature
        for (int chunks = 0; chunks < MAX_PNG_CHUNKS && pos + 8 <= b.length; chunks++) {
            long length = u32(b, pos, false);
            int type = pos + 4;
            int data = pos + 8;
            if (length > b.length - data) {
                return NORMAL;
            }
            if (is(b, type, "eXIf")) {
                int start = data;
                int len = (int) length;
                if (len >= 6 && is(b, data, "Exif") && b[data + 4] == 0 && b[data + 5] == 0) {
                    start += 6; // some writers keep the JPEG prefix; the PNG spec says not to
                    len -= 6;
                }
                return fromTiff(b, start, len);
            }
            if (is(b, type, "IDAT") || is(b, type, "IEND")) {
                return NORMAL; // eXIf must come before the image data
            }
            pos = data + (int) length + 4; // data and CRC
        }
        return NORMAL;
    }

    private static boolean isTiff(byte[] b, int start, int length) {
        if (length < 4) {
            return false;
        }
        if (b[start] == 'I' && b[start + 1] == 'I') {
            return b[start + 2] == 42 && b[start + 3] == 0;
        }
        if (b[start] == 'M' && b[start + 1] == 'M') {
            return b[start + 2] == 0 && b[start + 3] == 42;
        }
        return false;
    }

    private static boolean is(byte[] b, int pos, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (b[pos + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int p, boolean little) {
        int b0 = b[p] & 0xFF;
        int b1 = b[p + 1] & 0xFF;
        return little ? b0 | (b1 << 8) : (b0 << 8) | b1;
    }

    private static long u32(byte[] b, int p, boolean little) {
        long hi = u16(b, little ? p + 2 : p, little);
        long lo = u16(b, little ? p : p + 2, little);
        return (hi << 16) | lo;
    }
}
