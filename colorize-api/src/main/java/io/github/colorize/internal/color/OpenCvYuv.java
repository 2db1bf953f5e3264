package io.github.colorize.internal.color;

/**
 * OpenCV's 8-bit RGB↔YUV ({@code COLOR_RGB2YUV} / {@code COLOR_YUV2RGB}, {@code color_yuv.simd.hpp}):
 * BT.601 "analog" YUV with U and V offset by 128, in 14-bit fixed point. This is what DeOldify uses
 * to put the original's luminance under the model's colours. Bit-exact with OpenCV 4.6 for all 2^24
 * inputs in both directions.
 *
 * <p>Packed layout: {@code Y << 16 | U << 8 | V} (the same byte positions as R, G, B in {@code
 * 0xRRGGBB}). Stateless and thread-safe; array methods return new arrays.
 */
public final class OpenCvYuv {

    private static final int SHIFT = 14;
    private static final int HALF = 1 << (SHIFT - 1);
    private static final int R2Y = 4899;
    private static final int G2Y = 9617;
    private static final int B2Y = 1868;
    private static final int B2U = 8061;
    private static final int R2V = 14369;
    private static final int U2B = 33292;
    private static final int U2G = -6472;
    private static final int V2G = -9519;
    private static final int V2R = 18678;
    private static final int DELTA = 128 << SHIFT;

    private OpenCvYuv() {}

    /**
     * Converts one colour.
     *
     * @param rgb packed {@code 0xRRGGBB} (alpha byte ignored)
     * @return packed {@code Y << 16 | U << 8 | V}
     */
    public static int rgbToYuv(int rgb) {
        return luma(rgb) << 16 | chroma(rgb);
    }

    /**
     * Y alone: for recombination, which takes only Y of the original.
     *
     * @param rgb packed {@code 0xRRGGBB} (alpha byte ignored)
     * @return Y, 0 to 255, as {@link #rgbToYuv} computes it
     */
    public static int luma(int rgb) {
        return (R2Y * ((rgb >> 16) & 0xFF) + G2Y * ((rgb >> 8) & 0xFF) + B2Y * (rgb & 0xFF) + HALF) >> SHIFT;
    }

    /**
     * U and V alone, packed {@code U << 8 | V}: for recombination, which takes only these of the colour.
     *
     * @param rgb packed {@code 0xRRGGBB} (alpha byte ignored)
     * @return U and V as {@link #rgbToYuv} computes them
     */
    public static int chroma(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int b = rgb & 0xFF;
        // U and V are computed from the already rounded Y, as OpenCV does.
        int y = luma(rgb);
        int u = clamp8(((b - y) * B2U + DELTA + HALF) >> SHIFT);
        int v = clamp8(((r - y) * R2V + DELTA + HALF) >> SHIFT);
        return u << 8 | v;
    }

    /**
     * Converts one colour back.
     *
     * @param yuv packed {@code Y << 16 | U << 8 | V} (top byte ignored)
     * @return packed {@code 0xRRGGBB}
     */
    public static int yuvToRgb(int yuv) {
        int y = (yuv >> 16) & 0xFF;
        int u = ((yuv >> 8) & 0xFF) - 128;
        int v = (yuv & 0xFF) - 128;
        int b = clamp8(y + ((U2B * u + HALF) >> SHIFT));
        int g = clamp8(y + ((U2G * u + V2G * v + HALF) >> SHIFT));
        int r = clamp8(y + ((V2R * v + HALF) >> SHIFT));
        return r << 16 | g << 8 | b;
    }

    /**
     * Converts packed pixels.
     *
     * @param rgb packed {@code 0xRRGGBB}, row-major
     * @return a new array of packed YUV
     */
    public static int[] rgbToYuv(int[] rgb) {
        int[] out = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            out[i] = rgbToYuv(rgb[i]);
        }
        return out;
    }

    /**
     * Converts packed pixels back.
     *
     * @param yuv packed YUV, row-major
     * @return a new array of packed {@code 0xRRGGBB}
     */
    public static int[] yuvToRgb(int[] yuv) {
        int[] out = new int[yuv.length];
        for (int i = 0; i < yuv.length; i++) {
            out[i] = yuvToRgb(yuv[i]);
        }
        return out;
    }

    static int clamp8(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
