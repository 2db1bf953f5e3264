package io.github.colorize.internal.io;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;

/**
 * The PNG scanlines of an image, filtered: each row as the filter-type byte followed by the filtered
 * bytes (PNG specification §9). Stateless, thread-safe.
 *
 * <p>The filter is chosen per row with libpng's heuristic, the smallest sum of absolute values (as
 * signed bytes) among None, Sub, Up, Average and Paeth; the sums are taken over a sample of the row's
 * bytes, because on photographs the sample picks the same filter almost always and the full sums cost
 * as much as the filtering. Any choice gives a valid file; only the compressed size depends on it.
 */
final class PngRows {

    /** Colour type, bytes per pixel and how to read the pixels of a supported image. */
    record Layout(int colorType, int bytesPerPixel) {

        /** 8-bit RGB, RGBA or gray, or null for images this class does not read. */
        static Layout of(BufferedImage image) {
            return switch (image.getType()) {
                case BufferedImage.TYPE_INT_RGB -> new Layout(2, 3);
                case BufferedImage.TYPE_INT_ARGB -> new Layout(6, 4);
                case BufferedImage.TYPE_BYTE_GRAY -> new Layout(0, 1);
                default -> null;
            };
        }
    }

    /** Sample every this many bytes of a row when choosing its filter. */
    private static final int SAMPLE_STEP = 8;

    private PngRows() {}

    /**
     * Filters rows {@code y0 .. y1} into one buffer.
     *
     * @param image a {@link Layout}-supported image
     * @param layout its layout
     * @param y0 first row
     * @param y1 end row, exclusive
     * @return {@code (y1 − y0) · (1 + width · bytesPerPixel)} bytes
     */
    static byte[] filter(BufferedImage image, Layout layout, int y0, int y1) {
        int w = image.getWidth();
        int bpp = layout.bytesPerPixel();
        int stride = w * bpp;
        byte[] out = new byte[(y1 - y0) * (stride + 1)];
        byte[] prev = new byte[stride];
        byte[] cur = new byte[stride];
        int[] ints = image.getType() == BufferedImage.TYPE_BYTE_GRAY ? null : new int[w];
        if (y0 > 0) {
            raw(image, y0 - 1, ints, prev, bpp);
        }
        for (int y = y0, o = 0; y < y1; y++, o += stride + 1) {
            raw(image, y, ints, cur, bpp);
            int type = choose(cur, prev, bpp);
            out[o] = (byte) type;
            apply(type, cur, prev, bpp, out, o + 1);
            byte[] t = prev;
            prev = cur;
            cur = t;
        }
        return out;
    }

    /** One row's bytes as PNG stores them: R, G, B (, A) or gray. */
    private static void raw(BufferedImage image, int y, int[] ints, byte[] row, int bpp) {
        WritableRaster raster = image.getRaster();
        int w = image.getWidth();
        if (ints == null) {
            ComponentSampleModel sm = (ComponentSampleModel) raster.getSampleModel();
            byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
            int s = raster.getDataBuffer().getOffset()
                    + (y - raster.getSampleModelTranslateY()) * sm.getScanlineStride()
                    - raster.getSampleModelTranslateX() * sm.getPixelStride()
                    + sm.getBandOffsets()[0];
            for (int x = 0; x < w; x++, s += sm.getPixelStride()) {
                row[x] = data[s];
            }
            return;
        }
        if (raster.getSampleModel() instanceof SinglePixelPackedSampleModel sm
                && raster.getDataBuffer() instanceof DataBufferInt db) {
            int s = db.getOffset()
                    + (y - raster.getSampleModelTranslateY()) * sm.getScanlineStride()
                    - raster.getSampleModelTranslateX();
            System.arraycopy(db.getData(), s, ints, 0, w);
        } else {
            raster.getDataElements(0, y, w, 1, ints);
        }
        if (bpp == 3) {
            for (int x = 0, o = 0; x < w; x++, o += 3) {
                int p = ints[x];
                row[o] = (byte) (p >> 16);
                row[o + 1] = (byte) (p >> 8);
                row[o + 2] = (byte) p;
            }
        } else {
            for (int x = 0, o = 0; x < w; x++, o += 4) {
                int p = ints[x];
                row[o] = (byte) (p >> 16);
                row[o + 1] = (byte) (p >> 8);
                row[o + 2] = (byte) p;
                row[o + 3] = (byte) (p >>> 24);
            }
        }
    }

    /**
     * The filter with the smallest sampled sum of absolute filtered values; above the first row,
     * {@code prev} is all zeros, as the specification defines it.
     */
    static int choose(byte[] cur, byte[] prev, int bpp) {
        long[] sums = new long[5];
        int n = cur.length;
        for (int i = 0; i < n; i += SAMPLE_STEP) {
            int x = cur[i] & 0xFF;
            int a = i >= bpp ? cur[i - bpp] & 0xFF : 0;
            int b = prev[i] & 0xFF;
            int c = i >= bpp ? prev[i - bpp] & 0xFF : 0;
            sums[0] += Math.abs((byte) x);
            sums[1] += Math.abs((byte) (x - a));
            sums[2] += Math.abs((byte) (x - b));
            sums[3] += Math.abs((byte) (x - ((a + b) >> 1)));
            sums[4] += Math.abs((byte) (x - paeth(a, b, c)));
        }
        int best = 0;
        for (int f = 1; f < 5; f++) {
            if (sums[f] < sums[best]) {
                best = f;
            }
        }
        return best;
    }

    /** Writes the filtered row after its type byte. */
    static void apply(int type, byte[] cur, byte[] prev, int bpp, byte[] out, int o) {
        int n = cur.length;
        switch (type) {
            case 0 -> System.arraycopy(cur, 0, out, o, n);
            case 1 -> {
                System.arraycopy(cur, 0, out, o, bpp);
                for (int i = bpp; i < n; i++) {
                    out[o + i] = (byte) (cur[i] - cur[i - bpp]);
                }
            }
            case 2 -> {
                for (int i = 0; i < n; i++) {
                    out[o + i] = (byte) (cur[i] - prev[i]);
                }
            }
            case 3 -> {
                for (int i = 0; i < bpp; i++) {
                    out[o + i] = (byte) (cur[i] - ((prev[i] & 0xFF) >> 1));
                }
                for (int i = bpp; i < n; i++) {
                    out[o + i] = (byte) (cur[i] - (((cur[i - bpp] & 0xFF) + (prev[i] & 0xFF)) >> 1));
                }
            }
            default -> {
                for (int i = 0; i < bpp; i++) {
                    out[o + i] = (byte) (cur[i] - prev[i]); // Paeth of (0, b, 0) is b
                }
                for (int i = bpp; i < n; i++) {
                    out[o + i] = (byte) (cur[i] - paeth(cur[i - bpp] & 0xFF, prev[i] & 0xFF, prev[i - bpp] & 0xFF));
                }
            }
        }
    }

    /**
     * The Paeth predictor (PNG §9.4) without branches: photographs make the predictor's choices
     * unpredictable, and mispredicted branches were most of the filtering time. The distances are
     * {@code |p − a| = |b − c|}, {@code |p − b| = |a − c|} and {@code |p − c| = |a + b − 2c|}; ties go to
     * a, then b, as the specification requires.
     */
    static int paeth(int a, int b, int c) {
        int pa = Math.abs(b - c);
        int pb = Math.abs(a - c);
        int pc = Math.abs(a + b - 2 * c);
        int notB = (pc - pb) >> 31; // all ones when pc < pb: c beats b
        int bc = b ^ ((b ^ c) & notB);
        int notA = (Math.min(pb, pc) - pa) >> 31; // all ones when b or c is strictly closer than a
        return a ^ ((a ^ bc) & notA);
    }
}
