package io.github.colorize.cli.internal.command;

import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.Colorizer;
import io.github.colorize.ImageFormat;
import io.github.colorize.ImageReadOptions;
import io.github.colorize.ImageWriteOptions;
import io.github.colorize.Images;
import io.github.colorize.Provenance;
import io.github.colorize.RenderFactorSweep;
import io.github.colorize.SourceImage;
import io.github.colorize.Timings;
import io.github.colorize.cli.internal.batch.Causes;
import io.github.colorize.cli.internal.sheet.SweepSpec;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --sweep}: one photo at several render factors, as one labelled contact sheet, so a person can
 * pick the factor that suits a scan. A thin shell over {@link RenderFactorSweep}, which owns the
 * colourising and the sheet; this adds the file's record, its name and the console. Not thread-safe;
 * one use.
 */
final class SweepRunner {

    private static final int TILE_WIDTH = 480;

    private final CliContext ctx;
    private final BackendOptions backend;
    private final ColorizeOptions options;
    private final ImageReadOptions readOptions;
    private final ImageFormat format;

    SweepRunner(
            CliContext ctx,
            BackendOptions backend,
            ColorizeOptions options,
            ImageReadOptions readOptions,
            ImageFormat format) {
        this.ctx = ctx;
        this.backend = backend;
        this.options = options;
        this.readOptions = readOptions;
        this.format = format;
    }

    int run(Path photo, Path outDir, SweepSpec spec) {
        SourceImage source;
        try {
            source = Images.readSource(photo, readOptions);
        } catch (RuntimeException e) {
            ctx.err().println("colorize: " + ConsoleReporter.shown(photo) + ": " + Causes.of(e, photo));
            return ExitCodes.SOME_FAILED;
        }
        List<Integer> factors =
                spec.factors().stream().map(f -> f.value().getAsInt()).toList();
        List<ColorizedImage> tiles;
        try (Colorizer colorizer = backend.create()) {
            try {
                tiles = RenderFactorSweep.run(colorizer, source.image(), options, factors, TILE_WIDTH);
            } catch (RuntimeException e) {
                ctx.err().println("colorize: " + ConsoleReporter.shown(photo) + ": " + Causes.of(e, photo));
                return ExitCodes.SOME_FAILED;
            }
        }
        Timings total = Timings.ZERO;
        for (ColorizedImage r : tiles) {
            Timings t = r.provenance().timings();
            total = new Timings(
                    total.preprocess().plus(t.preprocess()),
                    total.inference().plus(t.inference()),
                    total.postprocess().plus(t.postprocess()));
        }
        BufferedImage sheet = RenderFactorSweep.contactSheet(source.image(), factors, tiles, TILE_WIDTH);
        Provenance p = tiles.get(0).provenance();
        // One record for the sheet: the factor varies per tile, so it is recorded as 0 ("not one value").
        Provenance sheetRecord = p.toBuilder()
                .renderFactor(0)
                .timings(total)
                .sourceName(photo.getFileName().toString())
                .sourceSha256(source.sha256())
                .build();
        String stem = photo.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        Path target = outDir.resolve(
                stem + "-sweep-" + spec.from() + "-" + spec.to() + "-" + spec.step() + "." + format.extension());
        if (Outputs.isSameFile(target, photo)) {
            ctx.err()
                    .println("colorize: " + ConsoleReporter.shown(target)
                            + ": would overwrite the original; choose another --out");
            return ExitCodes.USAGE;
        }
        try {
            Images.write(
                    new ColorizedImage(sheet, sheetRecord),
                    target,
                    ImageWriteOptions.of(format).withEmbedMetadata(options.embedMetadata()));
        } catch (IOException e) {
            ctx.err().println("colorize: " + ConsoleReporter.shown(target) + ": cannot write: " + Causes.of(e, target));
            return ExitCodes.SOME_FAILED;
        }
        ctx.out()
                .println("colorize: sweep " + ConsoleReporter.shown(spec) + " of " + ConsoleReporter.shown(photo)
                        + " -> " + ConsoleReporter.shown(target) + " (" + tiles.size() + " factors)");
        return ExitCodes.OK;
    }
}
