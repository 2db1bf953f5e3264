package io.github.colorize.internal.io;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;

/**
 * Converts the raw samples of a four-component JPEG without an Adobe APP14 segment to sRGB: the
 * samples are CMYK ink as stored (libjpeg's default; 0 = no ink). Stateless, thread-safe.
 *
 * <p>Why still ours: files with an APP14 segment (CMYK stored inverted, or YCCK, as Photoshop writes
 * them) go to TwelveMonkeys' reader ({@link CmykJpegReader}), which applies the embedded ICC profile.
 * Without the segment the conventions part: libjpeg (and we) read the samples as ink, TwelveMonkeys
 * and Pillow as Adobe's inverted ink; on such a fixture TwelveMonkeys' colours were off by a mean
 * ΔE76 of 60 from libjpeg's reading. Such files are rare (the JDK's writer makes them from a raster;
 * libjpeg writes the segment for CMYK), so they keep this reading.
 *
 * <p>Ink to RGB uses the naive, profile-free formula {@code R = (255 − C)(255 − K) / 255} (likewise G
 * from M, B from Y). An embedded CMYK ICC profile is not applied: on the test fixtures this is off by
 * a mean ΔE76 of 23 (max 60) from littleCMS with the profile, against 0.06 for TwelveMonkeys.
 */
final class CmykConverter {

    private CmykConverter() {}

    /**
     * Converts a CMYK raster that stores ink directly.
     *
     * @param raster four 8-bit bands, as {@code ImageReader.readRaster} returns them
     * @return a new {@code TYPE_INT_RGB} image
     */
    static BufferedImage toRgb(Raster raster) {
        if (raster.getNumBands() != 4) {
            throw new IllegalArgumentException("expected 4 bands, got " + raster.getNumBands());
        }
        int w = raster.getWidth();
        int h = raster.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int[] row = new int[w * 4];
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
            int o = y * w;
            for (int x = 0, s = 0; x < w; x++, s += 4) {
                int paper = 255 - row[s + 3];
                int r = ((255 - row[s]) * paper + 127) / 255;
                int g = ((255 - row[s + 1]) * paper + 127) / 255;
                int b = ((255 - row[s + 2]) * paper + 127) / 255;
                dst[o + x] = (r << 16) | (g << 8) | b;
            }
        }
        return out;
    }
}
