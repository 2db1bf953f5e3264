package io.github.colorize.cli.internal.command;

import io.github.colorize.Colorizer;
import io.github.colorize.cli.internal.batch.Causes;
import io.github.colorize.video.VideoCancelledException;
import io.github.colorize.video.VideoColorizer;
import io.github.colorize.video.VideoJob;
import io.github.colorize.video.VideoOptions;
import io.github.colorize.video.VideoResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code colorize video IN --out OUT}: colourises a film, steadily, with provenance. */
@Command(
        name = "video",
        header = "Colourises a film frame by frame, keeping its timing and sound.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Reads any film FFmpeg reads, colourises every frame with the chosen backend, and writes H.264 in MP4"
                    + " (or the container OUT's extension names: .mov, .mkv, ...), with the source's frame rate"
                    + " and timestamps and its audio copied untouched. The colours are kept steady within each"
                    + " shot (motion-compensated smoothing of the predicted colour, reset at the scene cuts it"
                    + " detects); every frame keeps its own brightness.",
            "",
            "Every frame gets the small palette mark and the file gets provenance tags (the same fields as the"
                    + " photos' XMP record). The film is written in segments of 10 s in a hidden work folder beside"
                    + " OUT (.OUT.colorize-work), then assembled with its sound into a hidden temporary file and"
                    + " renamed to OUT only when complete. A run stopped part-way (Ctrl-C, a crash, kill -9) keeps"
                    + " its finished segments: run the same command again to continue after the last of them."
                    + " The source is never modified.",
            ""
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the film was colourised",
            "1:the film could not be read or written",
            "2:usage error",
            "3:no backend can run, or the named backend is unknown or unavailable",
            "4:interrupted (Ctrl-C); nothing was written to OUT (finished segments are kept for a rerun)"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  colorize video wedding-1962.avi --out wedding-1962-colour.mp4",
            "  colorize video reel.mkv --out colour/ --render-factor 21 --no-stabilise"
        })
final class VideoCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Parameters(paramLabel = "IN", description = "The film to colourise.")
    Path input;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "OUT",
            description = "The output file, or a folder (then OUT/<name>.mp4): one that exists, or a name"
                    + " ending in / (created if needed). Required.")
    String out; // as typed: a Path would drop the trailing separator that marks a folder

    @Mixin
    BackendOptions backend = new BackendOptions();

    @Mixin
    ColorOptions color = new ColorOptions();

    @Option(
            names = {"--no-stabilize", "--no-stabilise"},
            description = "Colour each frame on its own: faster, but the colours flicker.")
    boolean noStabilize;

    @Option(names = "--progress", paramLabel = "MODE", description = ProgressMode.DESCRIPTION)
    String progress = ProgressMode.DEFAULT;

    VideoCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (out == null) {
            throw new UsageError("--out OUT is required");
        }
        Path target = target();
        VideoOptions options = VideoOptions.builder()
                .colorizeOptions(color.options())
                .stabilize(!noStabilize)
                .build();
        VideoProgressPrinter printer =
                new VideoProgressPrinter(ctx.err(), ctx.out(), ProgressMode.parse(progress, ctx), ctx.width());
        try (Colorizer colorizer = backend.create()) {
            VideoJob job = VideoColorizer.of(colorizer, options).job(input, target, printer);
            VideoResult r;
            try (Interrupts.Registration reg = ctx.interrupts().onInterrupt(() -> {
                printer.message("interrupted; stopping after the frame in progress");
                job.cancel();
            })) {
                r = job.run();
            } finally {
                printer.done();
            }
            ctx.out().println(summary(r, options));
            ctx.out().flush();
            // The film was written, but a damaged source deserves a look: say what was skipped.
            for (String w : r.warnings()) {
                ctx.err()
                        .println(
                                "colorize: warning: " + ConsoleReporter.shown(input) + ": " + ConsoleReporter.shown(w));
            }
            ctx.err().flush();
            return ExitCodes.OK;
        } catch (VideoCancelledException e) {
            ctx.err()
                    .println("colorize: interrupted after " + e.framesDone() + " frames; nothing was written to "
                            + ConsoleReporter.shown(target)
                            + " (run the same command again to continue after the last finished segment)");
            ctx.err().flush();
            return ExitCodes.INTERRUPTED;
        } catch (IOException e) {
            ctx.err().println("colorize: " + ConsoleReporter.shown(target) + ": " + Causes.of(e, target));
            ctx.err().flush();
            return ExitCodes.SOME_FAILED;
        }
    }

    private Path target() {
        Path path;
        try {
            path = Path.of(out);
        } catch (InvalidPathException e) {
            throw new UsageError("--out " + out + ": not a valid path: " + e.getReason());
        }
        boolean folder = out.endsWith("/") || out.endsWith(File.separator) || Files.isDirectory(path);
        if (!folder) {
            return path;
        }
        try {
            Files.createDirectories(path);
        } catch (FileAlreadyExistsException e) {
            throw new UsageError(
                    path + ": cannot create the output folder: " + e.getFile() + " exists and is not a folder");
        } catch (IOException e) {
            throw new UsageError(path + ": cannot create the output folder: " + Causes.of(e, path));
        }
        String name = input.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return path.resolve(name + ".mp4");
    }

    static String summary(VideoResult r, VideoOptions options) {
        StringBuilder s = new StringBuilder()
                .append(r.target())
                .append(": ")
                .append(r.frames())
                .append(" frames")
                .append(r.resumed() ? " (resumed after frame " + r.resumedFrames() + ", done by an earlier run)" : "")
                .append(" in ")
                .append(Durations.human(r.elapsed()))
                .append(String.format(java.util.Locale.ROOT, " (%.2f fps)", r.framesPerSecond()))
                .append(", ")
                .append(r.videoEncoder());
        s.append(
                r.audioStreams() == 0
                        ? ", no audio"
                        : ", audio copied (" + r.audioStreams() + " stream" + (r.audioStreams() == 1 ? ")" : "s)"));
        s.append(options.stabilize() ? ", stabilised (" + r.sceneCuts() + " scene cuts)" : ", not stabilised");
        s.append(", backend ")
                .append(r.provenance().backend())
                .append(", model ")
                .append(r.provenance().model());
        return s.toString();
    }
}
