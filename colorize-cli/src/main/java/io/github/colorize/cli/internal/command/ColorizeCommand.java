package io.github.colorize.cli.internal.command;

import io.github.colorize.ColorizeOptions;
import io.github.colorize.ImageFormat;
import io.github.colorize.ImageReadOptions;
import io.github.colorize.cli.internal.batch.BatchRunner;
import io.github.colorize.cli.internal.batch.BatchSettings;
import io.github.colorize.cli.internal.batch.BatchSummary;
import io.github.colorize.cli.internal.batch.BatchUsageException;
import io.github.colorize.cli.internal.batch.Causes;
import io.github.colorize.cli.internal.batch.DiskFull;
import io.github.colorize.cli.internal.batch.Manifest;
import io.github.colorize.cli.internal.batch.SourceScanner;
import io.github.colorize.cli.internal.sheet.SweepSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code colorize PHOTO... | DIR --out DIR}: the batch command, and {@code --sweep}. */
@Command(
        name = "colorize",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        synopsisSubcommandLabel = "[COMMAND]",
        description = {
            "Brings black-and-white photos back to colour, offline, with the bundled model. Every output carries"
                    + " a small palette mark and an embedded provenance record (see 'colorize verify').",
            ""
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every photo colourised or skipped (done before, already in colour)",
            "1:some photos failed (each reported on stderr); the rest were done",
            "2:usage error, or the output folder is unusable or in use by another run",
            "3:no backend can run, or the named backend is unknown or unavailable",
            "4:interrupted (Ctrl-C, SIGTERM); finished photos are kept, rerun to complete",
            "5:the remote service's quota is used up",
            "6:the disk holding --out is full; finished photos are kept, free space and rerun to complete"
        },
        footerHeading = "%nFolders and reruns:%n",
        footer = {
            "Folders are walked recursively and mirrored under --out (photo.jpg -> photo.png). Photos are found"
                    + " by extension (" + SourceScanner.EXTENSIONS_TEXT + "); hidden files and folders are"
                    + " skipped; symbolic links are followed and loops reported. --out may lie inside an input"
                    + " folder (it is then left out of the scan) but may not be an input folder or contain an"
                    + " input. Originals are never modified.",
            "",
            "Outputs are written atomically. Photos already done (output present and source SHA-256 recorded in"
                    + " --out/" + Manifest.FILE_NAME + " with the same settings) and photos already in colour"
                    + " (unless --force) are skipped, so running the same command again finishes an interrupted"
                    + " or killed run. A file already in --out that colorize did not write from the same photo is"
                    + " never replaced without --overwrite. Every run logs each file as JSON lines in --out/"
                    + BatchRunner.RUNS_DIR + "/. One run at a time may write into a folder.",
            "",
            "Errors are one line each on stderr: 'colorize: <file>: <cause>'. Remote backends read their API key"
                    + " from their own environment variable (deepai: DEEPAI_API_KEY), never from the command line."
                    + " JAVA_OPTS passes JVM options (for example -Xmx4g).",
            "",
            "Examples:",
            "  colorize grandma-1931.jpg --out colour/",
            "  colorize scans/ --out scans-colour/ --jobs 2",
            "  colorize --sweep 10:40:5 grandma-1931.jpg --out sweep/",
            "  colorize verify scans-colour/",
            "  colorize eval photos-in-colour/ --sheet eval.png"
        })
public final class ColorizeCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Parameters(paramLabel = "PHOTO|DIR", arity = "0..*", description = "Photos and folders to colourise.")
    List<Path> inputs = new ArrayList<>();

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            description = "Output folder (created if needed). Required.")
    Path out;

    @Mixin
    BackendOptions backend = new BackendOptions();

    @Mixin
    ColorOptions color = new ColorOptions();

    @Mixin
    ReadLimitOption readLimit = new ReadLimitOption();

    @Option(
            names = {"-j", "--jobs"},
            paramLabel = "N",
            description = "Photos in flight at once, sharing one loaded model (default: ${DEFAULT-VALUE}).")
    int jobs = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    @Option(
            names = {"-f", "--format"},
            paramLabel = "png|jpg",
            converter = FormatConverter.class,
            description = "Output format (default: png).")
    ImageFormat format = ImageFormat.PNG;

    @Option(names = "--force", description = "Also colourise photos that are in colour already.")
    boolean force;

    @Option(names = "--redo", description = "Ignore the manifest: colourise everything again.")
    boolean redo;

    @Option(
            names = "--overwrite",
            description = "Replace files in --out that colorize did not write from the same photo (your own"
                    + " files, or another batch's outputs of the same name). Without it they are left alone and"
                    + " reported as failed.")
    boolean overwrite;

    @Option(
            names = "--hints",
            paramLabel = "FILE",
            description = "Colour hints for the one PHOTO given (a <photo>.hints.json file; see the README)."
                    + " Without it, each photo's own sidecar <photo file name>.hints.json is used where there is"
                    + " one.")
    Path hints;

    @Option(
            names = "--sweep",
            paramLabel = "FROM:TO:STEP",
            description = "Colourise one PHOTO at several render factors into one contact sheet in --out,"
                    + " each tile labelled with its factor.")
    String sweep;

    @Option(names = "--progress", paramLabel = "MODE", description = ProgressMode.DESCRIPTION)
    String progress = ProgressMode.DEFAULT;

    @Option(
            names = {"-v", "--verbose"},
            description = "Print every file, memory use and backend messages.")
    boolean verbose;

    /**
     * Creates the command.
     *
     * @param ctx the process context
     */
    public ColorizeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        if (inputs.isEmpty()) {
            throw new UsageError("no photos or folders given");
        }
        if (out == null) {
            throw new UsageError("--out DIR is required");
        }
        if (jobs < 1 || jobs > 64) {
            throw new UsageError("--jobs must be between 1 and 64, got " + jobs);
        }
        backend.config(); // rejects bad backend options before any work
        ColorizeOptions options = color.options();
        if (hints != null) {
            if (inputs.size() != 1 || java.nio.file.Files.isDirectory(inputs.get(0))) {
                throw new UsageError("--hints names the hints of one photo; give exactly one PHOTO, not a folder");
            }
            if (!java.nio.file.Files.isRegularFile(hints)) {
                throw new UsageError(hints + ": no such hints file");
            }
        }
        ImageReadOptions readOptions = readLimit.readOptions();
        if (sweep != null) {
            SweepSpec spec;
            try {
                spec = SweepSpec.parse(sweep);
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage());
            }
            if (inputs.size() != 1) {
                throw new UsageError("--sweep takes exactly one photo, got " + inputs.size());
            }
            return new SweepRunner(ctx, backend, options, readOptions, format).run(inputs.get(0), out, spec);
        }
        return runBatch(options, readOptions);
    }

    private int runBatch(ColorizeOptions options, ImageReadOptions readOptions) throws IOException {
        BatchSettings settings = new BatchSettings(
                out,
                format,
                options,
                readOptions,
                backend.fingerprint() + ";" + color.fingerprint() + ";format=" + format.extension(),
                jobs,
                force,
                redo,
                overwrite,
                hints);
        ConsoleReporter reporter =
                new ConsoleReporter(ctx.out(), ctx.err(), progressMode(), verbose, ctx.width(), System::nanoTime);
        BatchRunner runner = new BatchRunner(
                settings,
                backend::create,
                ctx.colorCheck(),
                reporter,
                DiskFull.under(out, ExitCodes.DISK_FULL).or(ctx.fatalFailures()));
        BatchSummary summary;
        try (Interrupts.Registration r = ctx.interrupts().onInterrupt(() -> {
            reporter.warning("interrupted; finishing the photos in flight, then stopping");
            runner.cancel();
        })) {
            summary = runner.run(inputs);
        } catch (BatchUsageException e) {
            ctx.err().println("colorize: " + ConsoleReporter.shown(e.getMessage()));
            return ExitCodes.USAGE;
        } catch (IOException e) {
            ctx.err().println("colorize: " + ConsoleReporter.shown(out) + ": " + Causes.of(e, out));
            return ExitCodes.SOME_FAILED;
        }
        if (summary.stopped().isPresent()) {
            return summary.stopped().get().exitCode();
        }
        if (summary.interrupted()) {
            return ExitCodes.INTERRUPTED;
        }
        return summary.failed() > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }

    private ProgressMode progressMode() {
        return ProgressMode.parse(progress, ctx);
    }
}
