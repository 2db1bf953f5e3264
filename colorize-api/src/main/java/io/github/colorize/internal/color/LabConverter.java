package io.github.colorize.internal.color;

/**
 * Converts between sRGB and CIE Lab (L in 0..100, a and b roughly −128..127) with the arithmetic of
 * one {@link LabVariant}. Obtain instances from {@link Lab#converter(LabVariant)}.
 *
 * <p>Implementations are immutable and thread-safe. Array methods never modify their inputs; output
 * arrays passed in are owned by the caller and are filled completely.
 *
 * <p>8-bit output ({@link #labToRgb(float[], float[], float[])}) clips to [0,1] and rounds {@code
 * 255·x} half to even: in double for {@code EXACT} and {@code SKIMAGE}, in float32 for {@code OPENCV}
 * (as DDColor's {@code (out·255).round()} does on a float32 array).
 */
public interface LabConverter {

    /** @return the arithmetic this converter reproduces */
    LabVariant variant();

    /**
     * Converts packed 8-bit pixels to Lab planes.
     *
     * @param rgb packed {@code 0xRRGGBB} pixels (alpha byte ignored)
     * @param l receives L, same length as {@code rgb}
     * @param a receives a, same length as {@code rgb}
     * @param b receives b, same length as {@code rgb}
     */
    void rgbToLab(int[] rgb, float[] l, float[] a, float[] b);

    /**
     * Converts Lab planes to packed 8-bit pixels.
     *
     * @param l L plane
     * @param a a plane, same length
     * @param b b plane, same length
     * @return a new array of packed {@code 0xRRGGBB}
     */
    int[] labToRgb(float[] l, float[] a, float[] b);

    /**
     * Converts one colour.
     *
     * @param r red in [0,1]
     * @param g green in [0,1]
     * @param b blue in [0,1]
     * @return {@code {L, a, b}}
     */
    double[] rgbToLab(double r, double g, double b);

    /**
     * Converts one colour back.
     *
     * @param l L
     * @param a a
     * @param b b
     * @return {@code {r, g, b}} in [0,1], clipped
     */
    double[] labToRgb(double l, double a, double b);

    /**
     * L* of a run of pixels, bit-identical to the L plane {@link #rgbToLab(int[], float[], float[],
     * float[])} gives for them; for fused row-by-row passes that need only the lightness (a third of
     * the cube roots) and no full-size planes. Runs on the calling thread.
     *
     * @param rgb packed {@code 0xRRGGBB} pixels
     * @param from first pixel, inclusive
     * @param to last pixel, exclusive
     * @param l receives {@code to − from} values from {@code lOff}
     * @param lOff first index written in {@code l}
     */
    default void lightness(int[] rgb, int from, int to, float[] l, int lOff) {
        int n = to - from;
        float[] lt = new float[n];
        rgbToLab(java.util.Arrays.copyOfRange(rgb, from, to), lt, new float[n], new float[n]);
        System.arraycopy(lt, 0, l, lOff, n);
    }

    /**
     * Lab to packed RGB for the first {@code n} values of the planes, written from {@code off} in
     * {@code rgb}; bit-identical to {@link #labToRgb(float[], float[], float[])}. Runs on the calling
     * thread.
     *
     * @param l L* values, at least {@code n}
     * @param a a* values, at least {@code n}
     * @param b b* values, at least {@code n}
     * @param n number of pixels
     * @param rgb receives packed {@code 0xRRGGBB} pixels
     * @param off first index written in {@code rgb}
     */
    default void labToRgb(float[] l, float[] a, float[] b, int n, int[] rgb, int off) {
        int[] t = labToRgb(java.util.Arrays.copyOf(l, n), java.util.Arrays.copyOf(a, n), java.util.Arrays.copyOf(b, n));
        System.arraycopy(t, 0, rgb, off, n);
    }
}
