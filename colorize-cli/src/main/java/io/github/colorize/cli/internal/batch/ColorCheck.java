package io.github.colorize.cli.internal.batch;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * Tells photos that are in colour already (left alone unless {@code --force}) from black-and-white and
 * toned ones (sepia, cyanotype), which are colourised. Implementations are thread-safe.
 */
@FunctionalInterface
public interface ColorCheck {

    /**
     * Why the photo is taken to be in colour already.
     *
     * @param image the decoded photo
     * @return a short reason (for example "already in colour (score 0.42)"), or empty to colourise it
     */
    Optional<String> colorReason(BufferedImage image);
}
