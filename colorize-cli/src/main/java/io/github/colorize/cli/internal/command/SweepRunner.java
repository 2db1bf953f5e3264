package io.github.colorize.cli.internal.command;

import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.Colorizer;
import io.github.colorize.ImageFormat;
import io.github.colorize.ImageReadOptions;
import io.github.colorize.ImageWriteOptions;
import io.github.colorize.Images;
import io.github.colorize.Provenance;
import io.github.colorize.RenderFactor;
import io.github.colorize.SourceImage;
import io.github.colorize.Timings;
import io.github.colorize.cli.internal.batch.Causes;
import io.github.colorize.cli.internal.sheet.ContactSheet;
import io.github.colorize.cli.internal.sheet.SweepSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --sweep}: one photo at several render factors, as one labelled contact sheet, so a person can
 * pick the factor that suits a scan. Not thread-safe; one use.
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
        List<RenderFactor> factors = spec.factors();
        // Each result is cut down to its tile at once: up to 39 full-size results of a 24 MP scan would
        // need gigabytes of heap, the tiles a few megabytes.
        List<ColorizedImage> results = new ArrayList<>(factors.size());
        try (Colorizer colorizer = backend.create()) {
            try {
                for (RenderFactor f : factors) {
                    ColorizedImage full = colorizer.colorize(
                            source.image(), options.toBuilder().renderFactor(f).build());
                    results.add(
                            new ColorizedImage(ContactSheet.scaleToWidth(full.image(), TILE_WIDTH), full.provenance()));
                }
            } catch (RuntimeException e) {
                ctx.err().println("colorize: " + ConsoleReporter.shown(photo) + ": " + Causes.of(e, photo));
                return ExitCodes.SOME_FAILED;
            }
        }
        List<ContactSheet.Tile> tiles = new ArrayList<>();
        Timings total = Timings.ZERO;
        for (int i = 0; i < results.size(); i++) {
            ColorizedImage r = results.get(i);
            int asked = factors.get(i).value().getAsInt();
            int used = r.provenance().renderFactor();
            Timings t = r.provenance().timings();
            total = new Timings(
                    total.preprocess().plus(t.preprocess()),
                    total.inference().plus(t.inference()),
                    total.postprocess().plus(t.postprocess()));
            // Models with a fixed input size ignore the factor; the label says what was really used.
            String label = "render factor " + asked + (used > 0 && used != asked ? " (model used " + used + ")" : "");
            tiles.add(new ContactSheet.Tile(r.image(), label));
        }
        ColorizedImage first = results.get(0);
        List<ContactSheet.Tile> all = new ArrayList<>();
        all.add(new ContactSheet.Tile(source.image(), "original"));
        all.addAll(tiles);
        int columns = (int) Math.ceil(Math.sqrt(all.size()));
        var sheet = ContactSheet.compose(all, columns, TILE_WIDTH);
        Provenance p = first.provenance();
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
                        + " -> " + ConsoleReporter.shown(target) + " (" + results.size() + " factors)");
        return ExitCodes.OK;
    }
}
