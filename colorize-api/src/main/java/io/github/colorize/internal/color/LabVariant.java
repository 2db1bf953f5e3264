package io.github.colorize.internal.color;

/**
 * Which CIE Lab arithmetic a {@link LabConverter} reproduces: exact CIE, scikit-image's or OpenCV's.
 *
 * <p>All three use sRGB with the D65 white and the same sRGB→XYZ matrix; they differ in the white
 * point, the small-value branch of {@code f} and the precision of each step.
 */
public enum LabVariant {
    /**
     * Textbook CIE math in double precision: exact ε = 216/24389 and κ = 24389/27, the white point
     * taken as the row sums of the sRGB→XYZ matrix (so neutral grays get a = b = 0 and (L,0,0) maps
     * back to a neutral gray, exactly), the XYZ→sRGB matrix as the exact numerical inverse, and the
     * sRGB encoding switching curves at 0.04045/12.92 so that it inverts the decoding exactly. Round
     * trip in gamut within 2e-14; every 8-bit colour survives rgb → float32 Lab → rgb. Use for new
     * work.
     */
    EXACT,
    /**
     * scikit-image 0.19 {@code rgb2lab}/{@code lab2rgb}: white (0.95047, 1, 1.08883), {@code
     * f}-threshold 0.008856 with slope 7.787, {@code fz} clamped at 0 on the way back. Used by
     * ECCV16/SIGGRAPH17. Agrees with scikit-image to about 1e-13 (double rounding); its round trip
     * keeps scikit-image's own seam between 0.008856 and 0.2068966 (up to 1.7e-6 for dark colours),
     * and grays get |a|, |b| up to 0.005 because the white point is not the matrix's row sums.
     */
    SKIMAGE,
    /**
     * OpenCV 4.6 float {@code COLOR_RGB2Lab} (a 33³ table with fixed-point trilinear interpolation)
     * and {@code COLOR_Lab2RGB} (float32 math with a spline for the sRGB curve). Used by DDColor.
     * RGB→Lab is bit-exact (all 2^24 8-bit colours); Lab→RGB within 1e-6. Being interpolated, its
     * round trip is good to 5e-3 only, and grays get |a|, |b| up to 0.125 as OpenCV's do.
     */
    OPENCV
}
