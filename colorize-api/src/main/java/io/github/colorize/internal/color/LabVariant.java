package io.github.colorize.internal.color;

/**
 * Which CIE Lab arithmetic a {@link LabConverter} reproduces (reference-pipelines §8).
 *
 * <p>All three use sRGB with the D65 white and the same sRGB→XYZ matrix; they differ in the white
 * point, the small-value branch of {@code f} and the precision of each step.
 */
public enum LabVariant {
    /**
     * Textbook CIE math in double precision: exact ε = 216/24389 and κ = 24389/27, the white point
     * taken as the row sums of the sRGB→XYZ matrix (so neutral grays get a = b = 0 and (L,0,0) maps
     * back to a neutral gray), the XYZ→sRGB matrix as the exact numerical inverse. Use for new work.
     */
    EXACT,
    /**
     * scikit-image 0.19 {@code rgb2lab}/{@code lab2rgb}: white (0.95047, 1, 1.08883), {@code
     * f}-threshold 0.008856 with slope 7.787, {@code fz} clamped at 0 on the way back. Used by
     * ECCV16/SIGGRAPH17.
     */
    SKIMAGE,
    /**
     * OpenCV 4.6 float {@code COLOR_RGB2Lab} (a 33³ table with fixed-point trilinear interpolation)
     * and {@code COLOR_Lab2RGB} (float32 math with a spline for the sRGB curve). Used by DDColor.
     */
    OPENCV
}
