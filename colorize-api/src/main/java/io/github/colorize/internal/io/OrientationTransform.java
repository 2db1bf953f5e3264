package io.github.colorize.internal.io;

import io.github.colorize.internal.color.ParallelLoops;
import io.github.colorize.internal.image.PixelBuffers;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Turns an image the way its EXIF Orientation tag says, so that it looks as viewers show it. Works on
 * whole {@code int} pixel arrays. Stateless, thread-safe.
 *
 * <p>The eight values (EXIF 2.3, tag 0x0112) and what undoes them:
 *
 * <ol>
 *   <li>normal;
 *   <li>mirror left-right;
 *   <li>rotate 180°;
 *   <li>mirror top-bottom;
 *   <li>transpose (mirror across the top-left to bottom-right diagonal);
 *   <li>rotate 90° clockwise;
 *   <li>transverse (mirror across the top-right to bottom-left diagonal);
 *   <li>rotate 90° counter-clockwise.
 * </ol>
 */
final class OrientationTransform {

    private OrientationTransform() {}

    /**
     * Applies an orientation.
     *
     * @param image a {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB} image
     * @param orientation 1 to 8; other values change nothing
     * @return a new image of the same type, or {@code image} itself for orientation 1
     */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return image;
        }
        int type = image.getType();
        if (type != BufferedImage.TYPE_INT_RGB && type != BufferedImage.TYPE_INT_ARGB) {
            throw new IllegalArgumentException("expected TYPE_INT_RGB or TYPE_INT_ARGB, got type " + type);
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] src = PixelBuffers.readOnlyInts(image);
        boolean swaps = orientation >= 5;
        int ow = swaps ? h : w;
        int oh = swaps ? w : h;
        BufferedImage out = new BufferedImage(ow, oh, type);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        // Source rows land on disjoint output pixels, so bands of rows can move in parallel.
        ParallelLoops.forRange(h, w, (y0, y1) -> {
            for (int y = y0; y < y1; y++) {
                int row = y * w;
                for (int x = 0; x < w; x++) {
                    dst[target(orientation, x, y, w, h, ow)] = src[row + x];
                }
            }
        });
        return out;
    }

    /** Where source pixel (x, y) of a w×h image lands in the output, whose width is ow. */
    private static int target(int orientation, int x, int y, int w, int h, int ow) {
        return switch (orientation) {
            case 2 -> y * ow + (w - 1 - x);
            case 3 -> (h - 1 - y) * ow + (w - 1 - x);
            case 4 -> (h - 1 - y) * ow + x;
            case 5 -> x * ow + y;
            case 6 -> x * ow + (h - 1 - y);
            case 7 -> (w - 1 - x) * ow + (h - 1 - y);
            case 8 -> (w - 1 - x) * ow + y;
            default -> y * ow + x;
        };
    }
}
