package io.github.colorize.internal.io;

/**
 * What the marker segments before a JPEG's first scan say, read with a small bounded parser: the
 * number of colour components (4 means CMYK or YCCK), the Adobe APP14 colour transform, and where the
 * EXIF block (APP1 {@code "Exif\0\0"}) lies. Immutable.
 *
 * <p>Why our own parser: the JDK's JPEG metadata tree would do for the first two, but it cannot be
 * read for files its decoder rejects, and the EXIF block must be found anyway.
 *
 * @param components the component count of the frame header, or 0 if none was found
 * @param adobeTransform the Adobe APP14 transform (0 = none/CMYK, 1 = YCbCr, 2 = YCCK), or {@link
 *     #NO_ADOBE_MARKER}
 * @param exifOffset where the EXIF TIFF header starts in the file, or -1
 * @param exifLength the length of the EXIF TIFF block, or 0
 */
record JpegSegments(int components, int adobeTransform, int exifOffset, int exifLength) {

    /** {@link #adobeTransform()} when the file has no Adobe APP14 segment. */
    static final int NO_ADOBE_MARKER = -1;

    /** The Adobe transform value that marks YCCK data. */
    static final int ADOBE_YCCK = 2;

    private static final JpegSegments NONE = new JpegSegments(0, NO_ADOBE_MARKER, -1, 0);
    private static final int MAX_SEGMENTS = 1024;
    private static final byte[] EXIF_ID = {'E', 'x', 'i', 'f', 0, 0};
    private static final byte[] ADOBE_ID = {'A', 'd', 'o', 'b', 'e'};

    /**
     * Whether the bytes start like a JPEG (SOI marker).
     *
     * @param b the file
     * @return true for {@code FF D8 FF}
     */
    static boolean isJpeg(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    }

    /**
     * Scans the segments up to the first scan (SOS). Never throws: a malformed file yields what was
     * found before the damage, and the decoder reports the damage itself.
     *
     * @param b the whole file
     * @return the facts found
     */
    static JpegSegments scan(byte[] b) {
        if (!isJpeg(b)) {
            return NONE;
        }
        int components = 0;
        int adobe = NO_ADOBE_MARKER;
        int exifOffset = -1;
        int exifLength = 0;
        int pos = 2;
        for (int segments = 0; segments < MAX_SEGMENTS && pos + 4 <= b.length; segments++) {
            if ((b[pos] & 0xFF) != 0xFF) {
                break; // not at a marker: corrupt; let the decoder say so
            }
            int marker = b[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++; // fill byte
                continue;
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += 2; // stand-alone markers carry no length
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                break; // start of scan or end of image: every header segment has been seen
            }
            int length = ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
            int payload = pos + 4;
            int payloadLength = length - 2;
            if (length < 2 || payload + payloadLength > b.length) {
                break;
            }
            if (isFrameHeader(marker) && payloadLength >= 6) {
                components = b[payload + 5] & 0xFF;
            } else if (marker == 0xE1 && exifOffset < 0 && startsWith(b, payload, payloadLength, EXIF_ID)) {
                exifOffset = payload + EXIF_ID.length;
                exifLength = payloadLength - EXIF_ID.length;
            } else if (marker == 0xEE && payloadLength >= 12 && startsWith(b, payload, payloadLength, ADOBE_ID)) {
                adobe = b[payload + 11] & 0xFF;
            }
            pos = payload + payloadLength;
        }
        return new JpegSegments(components, adobe, exifOffset, exifLength);
    }

    /** SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static boolean startsWith(byte[] b, int offset, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
