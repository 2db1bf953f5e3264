package io.github.colorize.cli.internal.batch;

import io.github.colorize.ColorizeOptions;
import io.github.colorize.ImageFormat;
import io.github.colorize.ImageReadOptions;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How a batch runs. Immutable.
 *
 * @param outDir the output folder; the tree of inputs is mirrored under it
 * @param format the output format
 * @param options how each photo is colourised
 * @param readOptions how photos are decoded
 * @param fingerprint the settings that shape an output (backend, model, factor, strength, mark,
 *     format...), compared with the manifest: different settings mean the work is done again
 * @param jobs how many photos are in flight at once, all on one shared colorizer
 * @param force colourise photos that are in colour already
 * @param redo ignore the manifest and colourise everything again
 * @param overwrite replace existing files in the output folder that were not made from the same photo
 *     (the user's own files, another batch's outputs of the same name); see {@code OutputGuard}
 * @param hints a hints sidecar named for the one photo of the run ({@code --hints FILE}), or null to
 *     pick up each photo's own {@code <photo>.hints.json} where there is one
 */
public record BatchSettings(
        Path outDir,
        ImageFormat format,
        ColorizeOptions options,
        ImageReadOptions readOptions,
        String fingerprint,
        int jobs,
        boolean force,
        boolean redo,
        boolean overwrite,
        Path hints) {

    /** Validates the components. */
    public BatchSettings {
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(readOptions, "readOptions");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        }
    }
}
