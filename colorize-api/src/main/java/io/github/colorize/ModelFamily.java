package io.github.colorize;

/**
 * The kind of colourisation network a {@link ModelCard} describes. The family says which reference
 * implementation the card's colour pipeline reproduces; the card's {@link ModelCard#pipeline()} names
 * the exact pre- and post-processing.
 *
 * <p>Immutable and thread-safe, like any enum.
 */
public enum ModelFamily {
    /** DeOldify (jantic/DeOldify): artistic, stable and video generators; RGB out, YUV transfer. */
    DEOLDIFY,
    /** DDColor (piddnad/DDColor): tiny and large; a*b* out, OpenCV Lab transfer. */
    DDCOLOR,
    /** Zhang et al., ECCV 2016 (richzhang/colorization); a*b* out, scikit-image Lab transfer. */
    ECCV16,
    /** Zhang et al., SIGGRAPH 2017 (richzhang/colorization), automatic mode; a*b* out. */
    SIGGRAPH17,
    /** This project's own compact model, which predicts a*b* chroma at a quarter of its input size. */
    COLORIZE_CHROMA,
    /** Anything else a user registers. */
    CUSTOM
}
