package io.github.colorize.cli.internal.command;

import io.github.colorize.cli.internal.batch.ColourCheck;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells colour photos from black-and-white and toned ones by their chroma: a gray photo has almost
 * none; a toned photo (sepia, cyanotype) has chroma of one hue; a colour photo has chroma of many
 * hues. Samples at most about 65 000 pixels. Stateless, thread-safe.
 *
 * <p>Interim: to be replaced by the API's tone classifier ({@code Images.classifyTone}) once it lands.
 */
final class ToneColourCheck implements ColourCheck {

    static final ToneColourCheck INSTANCE = new ToneColourCheck();

    /** Chroma below this (8-bit units) counts as neutral: scanner noise and JPEG ringing. */
    private static final double NEUTRAL = 6.0;
    /** Below this share of chromatic pixels a photo is black and white. */
    private static final double MIN_CHROMATIC_SHARE = 0.02;
    /** Hue concentration (mean resultant length) above which chroma is one tone. */
    private static final double ONE_TONE = 0.85;

    @Override
    public Optional<String> colourReason(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) w * h / 65_536)));
        double sumU = 0;
        double sumV = 0;
        long chromatic = 0;
        long samples = 0;
        for (int y = 0; y < h; y += step) {
            for (int x = 0; x < w; x += step) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                double luma = 0.299 * r + 0.587 * g + 0.114 * b;
                double u = b - luma;
                double v = r - luma;
                double c = Math.hypot(u, v);
                samples++;
                if (c >= NEUTRAL) {
                    chromatic++;
                    sumU += u / c;
                    sumV += v / c;
                }
            }
        }
        double share = (double) chromatic / samples;
        if (share < MIN_CHROMATIC_SHARE) {
            return Optional.empty();
        }
        double concentration = Math.hypot(sumU, sumV) / chromatic;
        if (concentration >= ONE_TONE) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "already in colour (%.0f%% chromatic pixels, hue concentration %.2f)",
                100 * share,
                concentration));
    }
}
