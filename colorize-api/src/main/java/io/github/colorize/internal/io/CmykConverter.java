package io.github.colorize.internal.io;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;

/**
 * Converts the raw samples of a four-component JPEG (CMYK or YCCK) to sRGB. Stateless, thread-safe.
 *
 * <p>Why: such files come from print workflows (Photoshop "CMYK" saves of scanned photos); the JDK's
 * decoder either refuses them or reads them with a colour space that ignores Adobe's conventions.
 * We read the raw raster and convert it here:
 *
 * <ol>
 *   <li>YCCK (Adobe transform 2): Y, Cb, Cr become three samples with the JFIF equations, and then C =
 *       255 − R, M = 255 − G, Y = 255 − B, as libjpeg does; K passes through.
 *   <li>Files with an Adobe APP14 segment store every sample inverted (255 = no ink), as Photoshop
 *       writes them; files without one store ink directly (libjpeg's default).
 *   <li>Ink to RGB uses the naive, profile-free formula {@code R = (255 − C)(255 − K) / 255} (likewise G
 *       from M, B from Y). An embedded CMYK ICC profile is not applied: colours are plausible but not
 *       colour-managed, which is enough for a photo that is about to be reduced to its luminance.
 * </ol>
 */
final class CmykConverter {

    private CmykConverter() {}

    /**
     * Converts a CMYK or YCCK raster.
     *
     * @param raster four 8-bit bands, as {@code ImageReader.readRaster} returns them
     * @param adobeTransform the Adobe APP14 transform, or {@link JpegSegments#NO_ADOBE_MARKER}
     * @return a new {@code TYPE_INT_RGB} image
     */
    static BufferedImage toRgb(Raster raster, int adobeTransform) {
        if (raster.getNumBands() != 4) {
            throw new IllegalArgumentException("expected 4 bands, got " + raster.getNumBands());
        }
        boolean ycck = adobeTransform == JpegSegments.ADOBE_YCCK;
        boolean inverted = adobeTransform != JpegSegments.NO_ADOBE_MARKER;
        int w = raster.getWidth();
        int h = raster.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int[] row = new int[w * 4];
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
            int o = y * w;
            for (int x = 0, s = 0; x < w; x++, s += 4) {
                int c = row[s];
                int m = row[s + 1];
                int yy = row[s + 2];
                int k = row[s + 3];
                if (ycck) {
                    int luma = c;
                    int cb = m - 128;
                    int cr = yy - 128;
                    c = 255 - clamp(luma + 1.402 * cr);
                    m = 255 - clamp(luma - 0.344136 * cb - 0.714136 * cr);
                    yy = 255 - clamp(luma + 1.772 * cb);
                }
                if (inverted) {
                    c = 255 - c;
                    m = 255 - m;
                    yy = 255 - yy;
                    k = 255 - k;
                }
                int paper = 255 - k;
                int r = ((255 - c) * paper + 127) / 255;
                int g = ((255 - m) * paper + 127) / 255;
                int b = ((255 - yy) * paper + 127) / 255;
                dst[o + x] = (r << 16) | (g << 8) | b;
            }
        }
        return out;
    }

    private static int clamp(double v) {
        long r = Math.round(v);
        return r < 0 ? 0 : (int) Math.min(255, r);
    }
}
