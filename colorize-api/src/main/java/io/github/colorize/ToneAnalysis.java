package io.github.colorize;

/**
 * Whether a photo is gray, toned (sepia, cyanotype, selenium…), or already in colour, with the two
 * measurements behind the verdict; from {@link Images#classifyTone(java.awt.image.BufferedImage)}.
 * Batches use it to skip photos that are already in colour.
 *
 * <p>The measurements split each pixel's chroma (its Cb, Cr vector in 8-bit BT.601 units, on a copy
 * at most 256 pixels on its long side) into the part that luminance explains and the rest:
 *
 * <ul>
 *   <li>{@link #toneChroma()}: the root-mean-square of the average chroma of pixels of similar
 *       luminance. A toned print has a tint that follows its tones (sepia browns, cyanotype blues,
 *       split tones alike), so this is large for toned photos and near zero for neutral ones.
 *   <li>{@link #colorChroma()}: the root-mean-square of each pixel's distance from that average. It
 *       is large only when pixels of the same brightness have different colours, as in a colour photo
 *       (red brick beside green leaves), and stays small for any toned print.
 * </ul>
 *
 * <p>The verdict: {@link Verdict#COLOR} when {@code colorChroma ≥} {@value #COLOR_MIN_CHROMA}; else
 * {@link Verdict#TONED} when {@code toneChroma ≥} {@value #GRAY_MAX_TONE_CHROMA}; else {@link
 * Verdict#GRAY}. The thresholds were set on 69 historical scans (all toned or gray, colorChroma at
 * most 6.1) and 68 colour photos (cbsd68; about three in four reach 6.5; the rest are nearly
 * monochrome scenes: a snake on sand, an aeroplane against a gray sky).
 *
 * <p>Immutable and thread-safe.
 *
 * @param verdict gray, toned or colour
 * @param toneChroma the tint that follows luminance, 8-bit chroma units (0 for a neutral image)
 * @param colorChroma the chroma that luminance does not explain, 8-bit chroma units: the colour score
 * @param toneHue the hue of the average tint in degrees, as in HSV (sepia ≈ 20–40, cyanotype ≈
 *     200–220), in [0, 360); {@code NaN} when the image has no chroma at all
 */
public record ToneAnalysis(Verdict verdict, double toneChroma, double colorChroma, double toneHue) {

    /** The {@link #toneChroma()} below which a photo without colour is called gray. */
    public static final double GRAY_MAX_TONE_CHROMA = 3.0;

    /** The {@link #colorChroma()} from which a photo is called colour. */
    public static final double COLOR_MIN_CHROMA = 6.5;

    /** What a photo is, for colourisation purposes. */
    public enum Verdict {
        /** Essentially no chroma: a neutral black-and-white photo. */
        GRAY,
        /** Chroma that follows luminance, one hue per tone: sepia, cyanotype, selenium, faded prints. */
        TONED,
        /** Different colours at the same brightness: already a colour photo. */
        COLOR
    }

    /** Validates the components. */
    public ToneAnalysis {
        java.util.Objects.requireNonNull(verdict, "verdict");
        if (!(toneChroma >= 0) || !(colorChroma >= 0)) {
            throw new IllegalArgumentException("chroma must be >= 0, got " + toneChroma + ", " + colorChroma);
        }
    }

    /**
     * The verdict the thresholds give for these measurements.
     *
     * @param toneChroma the tint that follows luminance
     * @param colorChroma the chroma that luminance does not explain
     * @return the verdict
     */
    public static Verdict verdictFor(double toneChroma, double colorChroma) {
        if (colorChroma >= COLOR_MIN_CHROMA) {
            return Verdict.COLOR;
        }
        return toneChroma >= GRAY_MAX_TONE_CHROMA ? Verdict.TONED : Verdict.GRAY;
    }

    /**
     * Whether the photo is already in colour (and a batch may skip it).
     *
     * @return true for {@link Verdict#COLOR}
     */
    public boolean isColor() {
        return verdict == Verdict.COLOR;
    }
}
