package io.github.colorize.cli.internal.command;

import io.github.colorize.ColorizeOptions;
import io.github.colorize.RenderFactor;
import picocli.CommandLine.Option;

/** How to colourise: the options shared by every command that colourises. Not thread-safe. */
public final class ColorOptions {

    @Option(
            names = {"-r", "--render-factor"},
            paramLabel = "N|auto",
            converter = RenderFactorConverter.class,
            description = "Model resolution, " + RenderFactor.MIN + " to " + RenderFactor.MAX
                    + " (side = 16 x N px), or auto (default). Lower: faster, more vivid, for small or noisy scans.")
    RenderFactor renderFactor = RenderFactor.auto();

    @Option(
            names = {"-s", "--strength"},
            paramLabel = "X",
            description = "Colour strength from 0 (gray) through 1 (default, the model's colours) to 2.")
    double strength = 1.0;

    @Option(
            names = "--no-watermark",
            description = "Leave out the small palette mark. The embedded provenance record is kept.")
    boolean noWatermark;

    /**
     * The colourisation options.
     *
     * @return the options
     * @throws UsageError if the strength is out of range (a bad argument, so every command reports it
     *     the same way)
     */
    public ColorizeOptions options() {
        try {
            return ColorizeOptions.builder()
                    .renderFactor(renderFactor)
                    .chromaStrength(strength)
                    .watermark(!noWatermark)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    String fingerprint() {
        return "renderFactor=" + renderFactor + ";strength=" + strength + ";mark=" + (noWatermark ? "off" : "on");
    }
}
