package io.github.colorize.cli.internal.command;

import io.github.colorize.ColorHints;
import io.github.colorize.ColorizeOptions;
import io.github.colorize.Colorizer;
import io.github.colorize.ImageWriteOptions;
import io.github.colorize.Images;
import io.github.colorize.cli.internal.batch.BatchUsageException;
import io.github.colorize.cli.internal.batch.Causes;
import io.github.colorize.cli.internal.batch.SourceFile;
import io.github.colorize.cli.internal.batch.SourceScanner;
import io.github.colorize.cli.internal.eval.Baselines;
import io.github.colorize.cli.internal.eval.EvalReport;
import io.github.colorize.cli.internal.eval.EvalRunner;
import io.github.colorize.cli.internal.eval.FolderResult;
import io.github.colorize.cli.internal.eval.ImageMetrics.CfVariant;
import io.github.colorize.internal.image.ContactSheet;
import io.github.colorize.internal.provenance.LibraryVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code colorize eval DIR...}: measures colourisation on folders of colour photos. */
@Command(
        name = "eval",
        header = "Measures colourisation on folders of colour photos (PSNR, colourfulness).",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Measures colourisation on folders of colour photos. For each photo the gray input is its CIE L*"
                    + " (exact sRGB/D65 Lab, a* = b* = 0); the backend colours it at full size without the mark;"
                    + " the result is compared with the photo. Photos with practically no colour (absolute CF"
                    + " below 1) are left out: there is no colour to compare with.",
            "Prints one table per folder holding photos: mean PSNR (dB, 8-bit RGB, all pixels), mean"
                    + " colourfulness CF (Hasler-Suesstrunk; the absolute-difference variant DDColor reports, or"
                    + " --cf signed) and dCF = |mean CF - mean CF of the photos|, next to two baselines: gray (the"
                    + " input itself) and sepia (L* with a constant tone, a* = " + (int) Baselines.SEPIA_A
                    + ", b* = " + (int) Baselines.SEPIA_B + ").",
            "Exit code 0 if every photo was measured, 1 if some failed, 3 if no backend can run."
        })
final class EvalCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Folders of colour photos (searched recursively).")
    List<Path> dirs = new ArrayList<>();

    @Option(
            names = "--sheet",
            paramLabel = "FILE",
            description = "Also write a contact sheet: rows of gray | ours | truth.")
    Path sheet;

    @Option(names = "--sheet-rows", paramLabel = "N", description = "Photos on the sheet (default: ${DEFAULT-VALUE}).")
    int sheetRows = 8;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the tables as CSV.")
    Path csv;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write everything, per photo too, as JSON.")
    Path json;

    @Option(
            names = "--cf",
            paramLabel = "VARIANT",
            description = "Colourfulness formula: absolute (default, as DDColor) or signed (as the paper).")
    String cf = "absolute";

    @Option(
            names = "--hints",
            paramLabel = "N",
            split = ",",
            description = "Also measure the result corrected with N hints taken from each photo the SIGGRAPH17"
                    + " way (random points, fixed seed, each the mean colour of a 5x5 patch, radius 2); a list"
                    + " such as 1,5,10,20,50 gives one row per N (0 is the automatic result).")
    List<Integer> hints = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", description = "At most N photos per folder (a quick look).")
    int limit = Integer.MAX_VALUE;

    @Mixin
    BackendOptions backend = new BackendOptions();

    @Mixin
    ColorOptions color = new ColorOptions();

    EvalCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws BatchUsageException {
        CfVariant variant = switch (cf.toLowerCase(Locale.ROOT)) {
            case "absolute", "abs" -> CfVariant.ABSOLUTE;
            case "signed" -> CfVariant.SIGNED;
            default -> throw new UsageError("--cf must be absolute or signed, got '" + cf + "'");
        };
        for (int n : hints) {
            if (n < 0 || n > ColorHints.MAX_HINTS) {
                throw new UsageError("--hints takes counts from 0 to " + ColorHints.MAX_HINTS + ", got " + n);
            }
        }
        if (limit < 1 || sheetRows < 0) {
            throw new UsageError("--limit must be at least 1 and --sheet-rows at least 0");
        }
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) {
                throw new UsageError(d + ": not a folder");
            }
        }
        backend.config(); // rejects bad backend options before any work
        refuseInputsAsOutputs();
        ColorizeOptions options = color.options();
        List<FolderResult> all = new ArrayList<>();
        int[] failed = {0};
        String ours;
        List<ContactSheet.Tile> tiles;
        try (Colorizer colorizer = backend.create()) {
            ours = colorizer.backend() + " " + colorizer.model();
            EvalRunner runner = new EvalRunner(colorizer, options, variant, limit, sheet == null ? 0 : sheetRows, 256)
                    .withHints(hints.stream()
                            .filter(n -> n > 0)
                            .distinct()
                            .sorted()
                            .toList());
            for (Path d : dirs) {
                // With several folders, each result carries its folder as typed: two sets' tops are both "."
                String label = dirs.size() > 1 ? d.toString() : null;
                List<FolderResult> results = runner.run(d, label, line -> {
                    failed[0]++;
                    ctx.err().println("colorize: " + ConsoleReporter.shown(line));
                    ctx.err().flush();
                });
                for (FolderResult f : results) {
                    ctx.out().print(EvalReport.table(f, ours, variant));
                    ctx.out().println();
                    ctx.out().flush();
                }
                all.addAll(results);
            }
            tiles = runner.sheetTiles();
        }
        int code = failed[0] > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("backend", ours);
        settings.put("renderFactor", color.renderFactor.toString());
        settings.put("strength", color.strength);
        settings.put("hints", hints);
        settings.put("version", LibraryVersion.current());
        code = Math.max(code, write(csv, () -> EvalReport.csv(all, ours, variant)));
        code = Math.max(code, write(json, () -> EvalReport.json(all, settings, variant)));
        if (sheet != null) {
            if (tiles.isEmpty()) {
                ctx.err()
                        .println("colorize: " + ConsoleReporter.shown(sheet)
                                + ": no colour photos to show; sheet not written");
                code = ExitCodes.SOME_FAILED;
            } else {
                try {
                    Images.write(ContactSheet.compose(tiles, 3, 256), sheet, ImageWriteOptions.forPath(sheet));
                    ctx.out().println("colorize: sheet written to " + ConsoleReporter.shown(sheet));
                } catch (IOException | IllegalArgumentException e) {
                    ctx.err()
                            .println("colorize: " + ConsoleReporter.shown(sheet) + ": cannot write: "
                                    + Causes.of(e, sheet));
                    code = ExitCodes.SOME_FAILED;
                }
            }
        }
        ctx.out().flush();
        return code;
    }

    /** Writing a report over one of the photos measured would destroy an original, as in compare and --sweep. */
    private void refuseInputsAsOutputs() throws BatchUsageException {
        List<Path> targets = new ArrayList<>();
        for (Path t : new Path[] {sheet, csv, json}) {
            if (t != null && Files.exists(t)) {
                targets.add(t);
            }
        }
        if (targets.isEmpty()) {
            return; // nothing there to overwrite: no need to scan the folders
        }
        for (SourceFile photo : SourceScanner.scan(dirs, null).sources()) {
            for (Path t : targets) {
                if (Outputs.isSameFile(t, photo.path())) {
                    throw new UsageError(t + ": is one of the input photos; writing there would overwrite it,"
                            + " choose another path");
                }
            }
        }
    }

    private int write(Path target, java.util.function.Supplier<String> text) {
        if (target == null) {
            return ExitCodes.OK;
        }
        try {
            Outputs.writeText(target, text.get());
            return ExitCodes.OK;
        } catch (IOException e) {
            ctx.err().println("colorize: " + ConsoleReporter.shown(target) + ": cannot write: " + Causes.of(e, target));
            return ExitCodes.SOME_FAILED;
        }
    }
}
