package io.github.colorize.internal.image;

import io.github.colorize.internal.color.ParallelLoops;
import java.awt.Point;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Moves pixels between {@link BufferedImage} and packed {@code int[]} arrays ({@code 0xRRGGBB},
 * row-major, alpha dropped), reading the raster's backing arrays directly for the common types
 * instead of calling {@code getRGB} per pixel.
 *
 * <p>{@code TYPE_BYTE_GRAY} pixels map to {@code (v, v, v)}, as Pillow and OpenCV read a gray
 * file; Java's own {@code getRGB} would instead treat the gray as linear light and brighten it.
 * Other types (palette, 16-bit, custom) go through one bulk {@code getRGB} call, which converts via
 * the image's colour model.
 *
 * <p>Stateless and thread-safe; each call returns a new array or image owned by the caller and does
 * not modify its argument, except {@link #readOnly}, which may return the image's own array, and
 * {@link #wrap}, which adopts the caller's.
 */
public final class PixelBuffers {

    private PixelBuffers() {}

    /**
     * Reads all pixels of an image.
     *
     * @param img the image (not modified)
     * @return a new array of {@code width·height} packed {@code 0xRRGGBB} pixels
     */
    public static int[] rgb(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        WritableRaster raster = img.getRaster();
        switch (img.getType()) {
            case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> {
                // getDataElements copies whole rows (System.arraycopy) for packed int rasters.
                int[] px = (int[]) raster.getDataElements(0, 0, w, h, null);
                ParallelLoops.forRange(px.length, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        px[i] &= 0xFFFFFF;
                    }
                });
                return px;
            }
            case BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_BYTE_GRAY -> {
                if (packableBytes(raster)) {
                    int[] px = new int[w * h];
                    packBytes(raster, px);
                    return px;
                }
            }
            default -> {
                // fall through to the generic path below
            }
        }
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            px[i] &= 0xFFFFFF;
        }
        return px;
    }

    /**
     * The pixels of an image for reading only: the image's own array when it already is exactly the
     * packed form ({@code TYPE_INT_RGB}, unshared window, top bytes zero, as decoded photos are), else
     * a copy as {@link #rgb} makes. Saves a full-size copy (48 MB for 12 megapixels) on every photo a
     * backend colourises; the check costs one read of the array.
     *
     * @param img the image; it must not change while the array is in use
     * @return packed {@code 0xRRGGBB} pixels, {@code width·height} long, that the caller must not modify
     */
    public static int[] readOnly(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_INT_RGB) {
            int[] px = backingInts(img);
            if (px != null && topBytesClear(px)) {
                return px;
            }
        }
        return rgb(img);
    }

    /**
     * The packed {@code int} pixels of a {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB} image as
     * stored, top byte included, for reading only: the image's own array when it holds exactly the
     * image, else a copy.
     *
     * @param img a {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB} image; it must not change while the
     *     array is in use
     * @return {@code width·height} packed pixels that the caller must not modify
     */
    public static int[] readOnlyInts(BufferedImage img) {
        int[] px = backingInts(img);
        return px != null ? px : (int[]) img.getRaster().getDataElements(0, 0, img.getWidth(), img.getHeight(), null);
    }

    /** The raster's int array when it is exactly the image's pixels, row after row, else null. */
    private static int[] backingInts(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        WritableRaster raster = img.getRaster();
        if (raster.getDataBuffer() instanceof DataBufferInt buffer
                && buffer.getNumBanks() == 1
                && buffer.getOffset() == 0
                && buffer.getData().length == w * h
                && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel sm
                && sm.getScanlineStride() == w) {
            return buffer.getData();
        }
        return null;
    }

    private static boolean topBytesClear(int[] px) {
        AtomicBoolean clear = new AtomicBoolean(true);
        ParallelLoops.forRange(px.length, (from, to) -> {
            int or = 0;
            for (int i = from; i < to; i++) {
                or |= px[i];
            }
            if ((or >>> 24) != 0) {
                clear.set(false);
            }
        });
        return clear.get();
    }

    /**
     * Wraps packed pixels in a new {@code TYPE_INT_RGB} image.
     *
     * @param rgb packed {@code 0xRRGGBB} pixels, row-major (copied; the top byte is ignored)
     * @param w width, at least 1
     * @param h height, at least 1
     * @return a new image
     * @throws IllegalArgumentException if {@code rgb.length != w·h}
     */
    public static BufferedImage toImage(int[] rgb, int w, int h) {
        if (w <= 0 || h <= 0 || (long) w * h != rgb.length) {
            throw new IllegalArgumentException("need " + w + "x" + h + " pixels, got " + rgb.length);
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.getRaster().setDataElements(0, 0, w, h, rgb);
        return img;
    }

    /**
     * Wraps packed pixels in a new {@code TYPE_INT_RGB} image without copying them: the array becomes
     * the image's pixel store, so the caller hands it over and must not use it afterwards. Saves a
     * full-size copy (48 MB for 12 megapixels) where a pipeline's freshly computed result becomes
     * the output image.
     *
     * @param rgb packed {@code 0xRRGGBB} pixels, row-major (the top byte is ignored)
     * @param w width, at least 1
     * @param h height, at least 1
     * @return a new image backed by {@code rgb}
     * @throws IllegalArgumentException if {@code rgb.length != w·h}
     */
    public static BufferedImage wrap(int[] rgb, int w, int h) {
        if (w <= 0 || h <= 0 || (long) w * h != rgb.length) {
            throw new IllegalArgumentException("need " + w + "x" + h + " pixels, got " + rgb.length);
        }
        DirectColorModel cm = new DirectColorModel(24, 0xFF0000, 0xFF00, 0xFF);
        WritableRaster raster =
                Raster.createPackedRaster(new DataBufferInt(rgb, rgb.length), w, h, w, cm.getMasks(), new Point(0, 0));
        return new BufferedImage(cm, raster, false, null);
    }

    /**
     * Whether {@link #packBytes} can read the raster: 8-bit samples interleaved in one byte array, gray
     * (one band) or colour in the first three bands (BGR, ABGR).
     *
     * @param raster any raster
     * @return true if the bytes can be packed straight from the array
     */
    public static boolean packableBytes(Raster raster) {
        int bands = raster.getNumBands();
        return raster.getSampleModel() instanceof ComponentSampleModel
                && raster.getDataBuffer() instanceof DataBufferByte buffer
                && buffer.getNumBanks() == 1
                && (bands == 1 || bands >= 3);
    }

    /**
     * Packs a {@link #packableBytes} raster into {@code 0xRRGGBB} pixels straight from its byte array,
     * honouring sub-image offsets and strides, in row bands on the common pool (gray becomes R = G = B;
     * a fourth band, alpha, is left out). Reading row by row through the raster's API and mapping every
     * sample is several times slower on a 12-megapixel decode.
     *
     * @param raster a packable raster (not modified)
     * @param dst {@code width·height} pixels, row after row
     */
    public static void packBytes(Raster raster, int[] dst) {
        ComponentSampleModel sm = (ComponentSampleModel) raster.getSampleModel();
        byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
        int w = raster.getWidth();
        int px = sm.getPixelStride();
        int scanline = sm.getScanlineStride();
        int[] offsets = sm.getBandOffsets();
        int base = raster.getDataBuffer().getOffset()
                + (raster.getMinY() - raster.getSampleModelTranslateY()) * scanline
                + (raster.getMinX() - raster.getSampleModelTranslateX()) * px;
        boolean gray = raster.getNumBands() == 1;
        int or = offsets[0];
        int og = gray ? or : offsets[1];
        int ob = gray ? or : offsets[2];
        ParallelLoops.forRange(raster.getHeight(), w, (y0, y1) -> {
            for (int y = y0; y < y1; y++) {
                int s = base + y * scanline;
                int o = y * w;
                if (gray) {
                    for (int x = 0; x < w; x++, s += px) {
                        dst[o + x] = (data[s + or] & 0xFF) * 0x010101;
                    }
                } else {
                    for (int x = 0; x < w; x++, s += px) {
                        dst[o + x] = (data[s + or] & 0xFF) << 16 | (data[s + og] & 0xFF) << 8 | (data[s + ob] & 0xFF);
                    }
                }
            }
        });
    }
}
