package io.github.colorize.cli.internal.command;

import io.github.colorize.Images;
import io.github.colorize.ToneAnalysis;
import io.github.colorize.cli.internal.batch.ColorCheck;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.Optional;

/**
 * Skips photos that {@link Images#classifyTone} calls colour; gray and toned (sepia, cyanotype) photos
 * are colourised. Stateless, thread-safe.
 */
final class ToneColorCheck implements ColorCheck {

    static final ToneColorCheck INSTANCE = new ToneColorCheck();

    @Override
    public Optional<String> colorReason(BufferedImage image) {
        ToneAnalysis t = Images.classifyTone(image);
        if (t.verdict() != ToneAnalysis.Verdict.COLOR) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "already in colour (colour score %.1f, threshold %.1f)",
                t.colorChroma(),
                ToneAnalysis.COLOR_MIN_CHROMA));
    }
}
