package io.github.colorize.cli.internal.command;

import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.Colorizer;
import io.github.colorize.ImageFormat;
import io.github.colorize.ImageReadOptions;
import io.github.colorize.ImageWriteOptions;
import io.github.colorize.Images;
import io.github.colorize.Provenance;
import io.github.colorize.SourceImage;
import io.github.colorize.cli.internal.batch.Causes;
import io.github.colorize.internal.image.ContactSheet;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code colorize compare PHOTO...}: before/after sheets. */
@Command(
        name = "compare",
        header = "Makes before/after sheets (original | colourised).",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Makes a before/after sheet per photo (original | colourised, labelled) in --out, named"
                    + " <photo>-compare.png. The colourised half is made now with the backend options given, or"
                    + " taken from an existing result with --with.",
            "Exit code 0 if every sheet was written, 1 if some photos failed, 3 if no backend can run."
        })
final class CompareCommand implements Callable<Integer> {

    private static final int TILE_WIDTH = 640;

    private final CliContext ctx;

    /** The sheets this run has written, so that two photos of one name never share one. */
    private final Set<Path> written = new HashSet<>();

    @Parameters(paramLabel = "PHOTO", arity = "1..*", description = "Black-and-white photos.")
    List<Path> photos = new ArrayList<>();

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            required = true,
            description = "Where the sheets go.")
    Path out;

    @Option(
            names = "--with",
            paramLabel = "RESULT",
            description = "Compare the (single) PHOTO with this colourised file instead of colourising it.")
    Path with;

    @Mixin
    BackendOptions backend = new BackendOptions();

    @Mixin
    ColorOptions color = new ColorOptions();

    @Mixin
    ReadLimitOption readLimit = new ReadLimitOption();

    CompareCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (with != null && photos.size() != 1) {
            throw new UsageError("--with needs exactly one PHOTO");
        }
        backend.config(); // rejects bad backend options before any work
        ColorizeOptions options = color.options();
        ImageReadOptions readOptions = readLimit.readOptions();
        int failed = 0;
        if (with != null) {
            failed += sheet(photos.get(0), null, options, readOptions) ? 0 : 1;
        } else {
            try (Colorizer colorizer = backend.create()) {
                for (Path photo : photos) {
                    failed += sheet(photo, colorizer, options, readOptions) ? 0 : 1;
                }
            }
        }
        return failed == 0 ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }

    private boolean sheet(Path photo, Colorizer colorizer, ColorizeOptions options, ImageReadOptions readOptions) {
        SourceImage source;
        BufferedImage after;
        String label;
        Provenance record;
        try {
            source = Images.readSource(photo, readOptions);
            if (colorizer == null) {
                after = Images.read(with);
                label = "colourised: " + with.getFileName();
                record = Provenance.read(with).orElse(null);
            } else {
                ColorizedImage r = colorizer.colorize(source.image(), options);
                after = r.image();
                record = r.provenance().withSource(photo.getFileName().toString(), source.sha256());
                label = "colourised: " + r.provenance().backend() + ", "
                        + r.provenance().model()
                        + (r.provenance().renderFactor() > 0
                                ? ", factor " + r.provenance().renderFactor()
                                : "");
            }
        } catch (RuntimeException e) {
            Path culprit =
                    e instanceof io.github.colorize.UndecodableImageException u && u.file() != null ? u.file() : photo;
            ctx.err().println("colorize: " + ConsoleReporter.shown(culprit) + ": " + Causes.of(e, culprit));
            return false;
        }
        BufferedImage sheet = ContactSheet.compose(
                List.of(new ContactSheet.Tile(source.image(), "original"), new ContactSheet.Tile(after, label)),
                2,
                TILE_WIDTH);
        String name = photo.getFileName().toString();
        Path target = out.resolve(name.replaceFirst("\\.[^.]+$", "") + "-compare.png");
        if (!written.add(target.toAbsolutePath().normalize())) {
            // x.jpg and x.tif, or a/p.jpg and b/p.jpg, in one run: keep the extension; two photos of
            // one name in different folders cannot share a sheet at all.
            target = out.resolve(name + "-compare.png");
            if (!written.add(target.toAbsolutePath().normalize())) {
                ctx.err()
                        .println("colorize: " + ConsoleReporter.shown(photo)
                                + ": another photo of this run already has the sheet " + ConsoleReporter.shown(target)
                                + "; compare it in a run of its own or with another --out");
                return false;
            }
        }
        if (Outputs.isSameFile(target, photo)) {
            ctx.err()
                    .println("colorize: " + ConsoleReporter.shown(target)
                            + ": would overwrite the original; choose another --out");
            return false;
        }
        try {
            // The sheet shows machine-made colours, so it carries the record too when there is one.
            if (record != null) {
                Images.write(new ColorizedImage(sheet, record), target, ImageWriteOptions.of(ImageFormat.PNG));
            } else {
                Images.write(sheet, target, ImageWriteOptions.of(ImageFormat.PNG));
            }
        } catch (IOException e) {
            ctx.err().println("colorize: " + ConsoleReporter.shown(target) + ": cannot write: " + Causes.of(e, target));
            return false;
        }
        ctx.out().println("colorize: " + ConsoleReporter.shown(photo) + " -> " + ConsoleReporter.shown(target));
        ctx.out().flush();
        return true;
    }
}
