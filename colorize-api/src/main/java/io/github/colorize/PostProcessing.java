package io.github.colorize;

/**
 * How the model's colours are combined with the original photo.
 *
 * <p>Luminance-preserving modes keep every pixel's brightness from the full-resolution original and
 * take only the colour (chroma) from the model's smaller prediction, so detail and grain survive
 * exactly.
 *
 * <p>Immutable and thread-safe, like any enum.
 */
public enum PostProcessing {
    /** Whatever the model's card prescribes (YUV for DeOldify, Lab for the others). */
    MODEL_DEFAULT,
    /** Original CIE L*, predicted a*b* (the default for chroma-predicting models). */
    LUMINANCE_LAB,
    /** Original Y, predicted U and V in OpenCV's 8-bit YUV (what DeOldify does). */
    LUMINANCE_YUV,
    /** The model's own output, resized to the photo: luminance is not preserved. */
    NONE
}
