package io.github.colorize.internal.io;

import io.github.colorize.internal.image.PixelBuffers;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferUShort;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Converts any decoded image to 8-bit sRGB: {@code TYPE_INT_RGB}, or {@code TYPE_INT_ARGB} when alpha
 * is kept. Works row by row on whole rasters, never through per-pixel {@code getRGB}. Stateless,
 * thread-safe; the input is never modified.
 *
 * <ul>
 *   <li>Samples of more than 8 bits (16-bit PNG and TIFF) are scaled with rounding, {@code round(v ·
 *       255 / (2^bits − 1))}, not truncated.
 *   <li>Gray samples are copied to R, G and B unchanged. Java calls its gray space linear, but scans
 *       and PNG files store display-encoded gray, and every other tool copies the values, so we do too.
 *   <li>Palette images go through their colour table.
 *   <li>Alpha is kept (non-premultiplied) or flattened onto white: {@code c·a + 255·(1 − a)}.
 *   <li>Colour spaces other than sRGB and gray (embedded ICC profiles, linear RGB) go through {@link
 *       ColorConvertOp}, which applies the profile.
 * </ul>
 */
final class SrgbConverter {

    private SrgbConverter() {}

    /**
     * Converts an image.
     *
     * @param src any image
     * @param keepAlpha whether to keep an alpha channel
     * @return {@code src} itself if it already has the target type, else a new image
     */
    static BufferedImage convert(BufferedImage src, boolean keepAlpha) {
        ColorModel cm = src.getColorModel();
        boolean alphaOut = keepAlpha && cm.hasAlpha();
        int outType = alphaOut ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (src.getType() == outType) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage out = new BufferedImage(w, h, outType);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        if (cm instanceof IndexColorModel icm) {
            convertIndexed(src.getRaster(), icm, alphaOut, dst);
        } else if (isOpaqueBytes(cm, src.getRaster())) {
            PixelBuffers.packBytes(src.getRaster(), dst);
        } else if (isDirectlyConvertible(cm)) {
            convertComponents(src.getRaster(), cm, alphaOut, dst);
        } else {
            // Profiles and exotic layouts: let Java2D's colour management produce sRGB ARGB first.
            BufferedImage argb = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            new ColorConvertOp(null).filter(src, argb);
            return convert(argb, keepAlpha);
        }
        return out;
    }

    /** Gray or sRGB, integer samples of at most 16 bits: we can scale the samples ourselves. */
    private static boolean isDirectlyConvertible(ColorModel cm) {
        if (!(cm instanceof ComponentColorModel) && !(cm instanceof DirectColorModel)) {
            return false;
        }
        ColorSpace cs = cm.getColorSpace();
        boolean gray = cm.getNumColorComponents() == 1 && cs.getType() == ColorSpace.TYPE_GRAY;
        boolean srgb = cm.getNumColorComponents() == 3 && cs.isCS_sRGB();
        int tt = cm.getTransferType();
        boolean integral = tt == DataBuffer.TYPE_BYTE || tt == DataBuffer.TYPE_USHORT || tt == DataBuffer.TYPE_INT;
        if (!(gray || srgb) || !integral) {
            return false;
        }
        for (int i = 0; i < cm.getNumComponents(); i++) {
            if (cm.getComponentSize(i) < 1 || cm.getComponentSize(i) > 16) {
                return false;
            }
        }
        return true;
    }

    /**
     * Opaque 8-bit sRGB or gray in one byte array: what ImageIO's JPEG reader returns ({@code
     * TYPE_3BYTE_BGR}, {@code TYPE_BYTE_GRAY}), so almost every photo. The samples are the output's
     * bytes as they are (the general path's tables are the identity at 8 bits).
     */
    private static boolean isOpaqueBytes(ColorModel cm, Raster raster) {
        if (!(cm instanceof ComponentColorModel)
                || cm.hasAlpha()
                || cm.getTransferType() != DataBuffer.TYPE_BYTE
                || !PixelBuffers.packableBytes(raster)) {
            return false;
        }
        ColorSpace cs = cm.getColorSpace();
        int bands = raster.getNumBands();
        boolean gray = bands == 1 && cs.getType() == ColorSpace.TYPE_GRAY;
        boolean srgb = bands == 3 && cs.isCS_sRGB();
        int[] banks = ((ComponentSampleModel) raster.getSampleModel()).getBankIndices();
        for (int b = 0; b < bands; b++) {
            if (cm.getComponentSize(b) != 8 || banks[b] != 0) {
                return false;
            }
        }
        return gray || srgb;
    }

    private static void convertComponents(Raster raster, ColorModel cm, boolean alphaOut, int[] dst) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bands = raster.getNumBands();
        int colors = cm.getNumColorComponents();
        boolean hasAlpha = cm.hasAlpha();
        boolean premultiplied = hasAlpha && cm.isAlphaPremultiplied();
        int[][] to8 = new int[bands][];
        for (int b = 0; b < bands; b++) {
            to8[b] = scaleTable(cm.getComponentSize(b));
        }
        int alphaMax = hasAlpha ? (1 << cm.getComponentSize(colors)) - 1 : 0;
        int[] row = new int[w * bands];
        int[] c = new int[3];
        for (int y = 0; y < h; y++) {
            readRow(raster, y, row);
            int o = y * w;
            for (int x = 0, s = 0; x < w; x++, s += bands) {
                int a8 = 255;
                for (int k = 0; k < 3; k++) {
                    int band = colors == 1 ? 0 : k;
                    int v = row[s + band];
                    if (hasAlpha) {
                        v = composite(v, row[s + colors], to8[band].length - 1, alphaMax, premultiplied, alphaOut);
                    }
                    c[k] = to8[band][Math.min(v, to8[band].length - 1)];
                }
                if (alphaOut) {
                    a8 = to8[colors][row[s + colors]];
                }
                dst[o + x] = (a8 << 24) | (c[0] << 16) | (c[1] << 8) | c[2];
            }
        }
    }

    /**
     * One colour sample with its alpha, in the sample's own units: flattened onto white, or (for alpha
     * kept) un-premultiplied.
     */
    private static int composite(int v, int a, int max, int alphaMax, boolean premultiplied, boolean keep) {
        if (keep) {
            if (!premultiplied) {
                return v;
            }
            return a == 0 ? 0 : (int) Math.min(max, ((long) v * alphaMax + a / 2) / a);
        }
        long transparent = (long) max * (alphaMax - a); // white showing through
        long opaque = premultiplied ? (long) v * alphaMax : (long) v * a;
        return (int) Math.min(max, (opaque + transparent + alphaMax / 2) / alphaMax);
    }

    private static void convertIndexed(Raster raster, IndexColorModel icm, boolean alphaOut, int[] dst) {
        int size = icm.getMapSize();
        int[] lut = new int[size];
        icm.getRGBs(lut);
        if (!alphaOut) {
            for (int i = 0; i < size; i++) {
                lut[i] = flatten(lut[i]);
            }
        }
        int w = raster.getWidth();
        int h = raster.getHeight();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            int o = y * w;
            for (int x = 0; x < w; x++) {
                int i = row[x];
                // An index past the table (a damaged file) shows as opaque black, as browsers do.
                dst[o + x] = i < size ? lut[i] : 0xFF000000;
            }
        }
    }

    /** ARGB over white, as opaque RGB. */
    private static int flatten(int argb) {
        int a = argb >>> 24;
        if (a == 255) {
            return argb;
        }
        int white = 255 * (255 - a);
        int r = ((argb >> 16 & 0xFF) * a + white + 127) / 255;
        int g = ((argb >> 8 & 0xFF) * a + white + 127) / 255;
        int b = ((argb & 0xFF) * a + white + 127) / 255;
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }

    /** {@code table[v] = round(v · 255 / max)} for every sample value of the given bit depth. */
    private static int[] scaleTable(int bits) {
        int max = (1 << bits) - 1;
        int[] t = new int[max + 1];
        for (int v = 0; v <= max; v++) {
            t[v] = (int) (((long) v * 255 + max / 2) / max);
        }
        return t;
    }

    /** All bands of one row, interleaved; reads byte and ushort arrays directly when it can. */
    private static void readRow(Raster raster, int y, int[] row) {
        if (raster.getSampleModel() instanceof ComponentSampleModel sm) {
            DataBuffer db = raster.getDataBuffer();
            int bands = raster.getNumBands();
            int w = raster.getWidth();
            int[] offsets = sm.getBandOffsets();
            int[] banks = sm.getBankIndices();
            int px = sm.getPixelStride();
            int sy = raster.getMinY() + y - raster.getSampleModelTranslateY();
            int sx = raster.getMinX() - raster.getSampleModelTranslateX();
            if (db instanceof DataBufferByte bytes) {
                for (int b = 0; b < bands; b++) {
                    byte[] data = bytes.getData(banks[b]);
                    int p = db.getOffsets()[banks[b]] + sy * sm.getScanlineStride() + sx * px + offsets[b];
                    for (int x = 0, i = b; x < w; x++, i += bands, p += px) {
                        row[i] = data[p] & 0xFF;
                    }
                }
                return;
            }
            if (db instanceof DataBufferUShort shorts) {
                for (int b = 0; b < bands; b++) {
                    short[] data = shorts.getData(banks[b]);
                    int p = db.getOffsets()[banks[b]] + sy * sm.getScanlineStride() + sx * px + offsets[b];
                    for (int x = 0, i = b; x < w; x++, i += bands, p += px) {
                        row[i] = data[p] & 0xFFFF;
                    }
                }
                return;
            }
        }
        raster.getPixels(raster.getMinX(), raster.getMinY() + y, raster.getWidth(), 1, row);
    }
}
