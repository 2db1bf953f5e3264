package io.github.colorize.internal.color;

/**
 * Pillow's 8-bit luma, {@code Image.convert('L')} on an RGB image ({@code src/libImaging/Convert.c}).
 *
 * <p>{@code L = (19595·R + 38470·G + 7471·B + 32768) >> 16}: ITU-R 601 weights in 16-bit fixed
 * point. The weights sum to 65536, so a gray pixel keeps its value, and the added half makes it
 * round half up. Bit-exact with Pillow for all 2^24 colours.
 *
 * <p>Stateless and thread-safe. Array methods allocate and return a new array; the input is not
 * modified.
 */
public final class PillowLuma {

    private PillowLuma() {}

    /**
     * Luma of one colour.
     *
     * @param r red, 0..255
     * @param g green, 0..255
     * @param b blue, 0..255
     * @return luma, 0..255
     */
    public static int luma(int r, int g, int b) {
        return (19595 * r + 38470 * g + 7471 * b + 32768) >> 16;
    }

    /**
     * Luma of packed {@code 0xRRGGBB} pixels (any alpha byte is ignored).
     *
     * @param rgb packed pixels, row-major
     * @return one unsigned luma byte per pixel (read it with {@code & 0xFF})
     */
    public static byte[] luma(int[] rgb) {
        byte[] out = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            out[i] =
                    (byte) ((19595 * ((p >> 16) & 0xFF) + 38470 * ((p >> 8) & 0xFF) + 7471 * (p & 0xFF) + 32768) >> 16);
        }
        return out;
    }
}
