package io.github.colorize.cli.internal.batch;

import io.github.colorize.ColorHints;
import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.Colorizer;
import io.github.colorize.ImageWriteOptions;
import io.github.colorize.Images;
import io.github.colorize.SourceImage;
import io.github.colorize.cli.internal.batch.FileOutcome.StageTimes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Colourises one photo of a batch: decode, check for colour, colourise, write atomically, record in
 * the manifest, in that order, so that the manifest never names an output that is not in place. An
 * existing file that was not made from this photo is not replaced unless {@link
 * BatchSettings#overwrite()} (see {@link OutputGuard#refusal}). Every failure, errors included, becomes
 * a {@link FileOutcome}; nothing is thrown. Stateless apart from its inputs; thread-safe given a
 * thread-safe colorizer and manifest.
 */
final class PhotoJob {

    private final BatchSettings settings;
    private final Colorizer colorizer;
    private final ColorCheck colorCheck;
    private final Manifest manifest;
    private final FatalFailures fatal;
    private final java.util.function.Consumer<FatalFailures.Stop> onStop;
    private final OutputWriter writer;

    PhotoJob(
            BatchSettings settings,
            Colorizer colorizer,
            ColorCheck colorCheck,
            Manifest manifest,
            FatalFailures fatal,
            java.util.function.Consumer<FatalFailures.Stop> onStop,
            OutputWriter writer) {
        this.writer = writer;
        this.settings = settings;
        this.colorizer = colorizer;
        this.colorCheck = colorCheck;
        this.manifest = manifest;
        this.fatal = fatal;
        this.onStop = onStop;
    }

    /**
     * A photo that checking found still to do.
     *
     * @param source the photo
     * @param output its output, relative to the output folder
     * @param sha256 its SHA-256 when checked
     * @param hashMillis time spent hashing it while checking
     * @param hints its hints sidecar, or null
     * @param fingerprint the settings fingerprint, the sidecar's hash included, when checked
     */
    record Pending(SourceFile source, String output, String sha256, long hashMillis, Path hints, String fingerprint) {}

    /**
     * Colourises one photo.
     *
     * @param p the photo
     * @return what happened; failed, never thrown, whatever went wrong
     */
    FileOutcome run(Pending p) {
        long t0 = System.nanoTime();
        try {
            return attempt(p, t0);
        } catch (Throwable e) { // one photo's failure, even an Error, must not kill the worker unrecorded
            long total = p.hashMillis() + millis(System.nanoTime() - t0);
            return FileOutcome.failed(
                    p.source().path(),
                    p.output(),
                    reason(e, p.source().path()),
                    null,
                    new StageTimes(p.hashMillis(), 0, 0, 0, total));
        }
    }

    /** The cause for the user; out of memory here almost always means this photo is too big for --jobs. */
    static String reason(Throwable e, Path path) {
        if (e instanceof OutOfMemoryError) {
            return "out of memory: the photo is too large for the Java heap with this many photos in flight;"
                    + " use fewer --jobs or a larger -Xmx (JAVA_OPTS=-Xmx4g)";
        }
        return "unexpected error: " + Causes.of(e, path);
    }

    private FileOutcome attempt(Pending p, long t0) {
        Path path = p.source().path();
        SourceImage source;
        try {
            source = Images.readSource(path, settings.readOptions());
        } catch (RuntimeException e) {
            return FileOutcome.failed(path, p.output(), Causes.of(e, path), null, times(p, t0, t0, t0, t0));
        }
        long tRead = System.nanoTime();
        String sha = source.sha256();
        if (!settings.force()) {
            Optional<String> color = colorCheck.colorReason(source.image());
            if (color.isPresent()) {
                try {
                    manifest.record(
                            new Manifest.Entry(p.output(), Manifest.COLOUR, sha, p.fingerprint()), path, Map.of());
                } catch (IOException e) {
                    // Only an optimisation for the next run: it will look at the photo again.
                }
                return FileOutcome.skipped(path, p.output(), color.get() + "; use --force to colourise it", sha);
            }
        }
        // After the colour check (a photo in colour writes nothing, so nothing is refused) and before
        // colourising, so that a refused photo costs no model run.
        Optional<String> refused = refusal(p, sha);
        if (refused.isPresent()) {
            return FileOutcome.failed(path, p.output(), refused.get(), sha, times(p, t0, tRead, tRead, tRead));
        }
        // The hints as read now: their hash, not the one seen while checking, goes into the manifest,
        // so a sidecar edited in between makes the next run redo the photo.
        ColorizeOptions options = settings.options();
        String fingerprint = p.fingerprint();
        if (p.hints() != null) {
            try {
                ColorHints hints = ColorHints.read(p.hints());
                options = options.toBuilder().hints(hints).build();
                fingerprint = HintSidecars.fingerprint(
                        settings.fingerprint(), hints.sourceSha256().orElseThrow());
            } catch (IOException e) {
                return FileOutcome.failed(
                        path,
                        p.output(),
                        "cannot read its hints " + p.hints() + ": " + Causes.of(e, p.hints()),
                        sha,
                        times(p, t0, tRead, tRead, tRead));
            } catch (RuntimeException e) { // a malformed sidecar: its message names the sidecar and place
                return FileOutcome.failed(path, p.output(), Causes.of(e), sha, times(p, t0, tRead, tRead, tRead));
            }
        }
        ColorizedImage result;
        try {
            result = colorizer.colorize(source.image(), options);
        } catch (RuntimeException | OutOfMemoryError | LinkageError e) {
            fatal.stop(e).ifPresent(onStop);
            return FileOutcome.failed(
                    path,
                    p.output(),
                    e instanceof OutOfMemoryError ? reason(e, path) : Causes.of(e, path),
                    sha,
                    times(p, t0, tRead, System.nanoTime(), System.nanoTime()));
        }
        result = result.withProvenance(result.provenance().withSource(p.source().fileName(), sha));
        long tColor = System.nanoTime();
        Path target = settings.outDir().resolve(p.output());
        // Again right before writing: a file may have appeared while the photo was colourised.
        refused = refusal(p, sha);
        if (refused.isPresent()) {
            return FileOutcome.failed(path, p.output(), refused.get(), sha, times(p, t0, tRead, tColor, tColor));
        }
        try {
            writer.write(
                    result,
                    target,
                    ImageWriteOptions.of(settings.format())
                            .withEmbedMetadata(settings.options().embedMetadata()));
        } catch (IOException | RuntimeException e) {
            fatal.stop(e).ifPresent(onStop); // a full disk fails every write after this one
            return FileOutcome.failed(
                    path,
                    p.output(),
                    "cannot write " + target + ": " + Causes.of(e, target),
                    sha,
                    times(p, t0, tRead, tColor, System.nanoTime()));
        }
        long tWrite = System.nanoTime();
        try {
            manifest.record(
                    new Manifest.Entry(p.output(), Manifest.DONE, sha, fingerprint),
                    path,
                    Map.of(
                            "backend",
                            result.provenance().backend(),
                            "model",
                            result.provenance().model()));
        } catch (IOException e) {
            fatal.stop(e).ifPresent(onStop);
            return FileOutcome.failed(
                    path,
                    p.output(),
                    "written, but the manifest cannot record it: " + Causes.of(e),
                    sha,
                    times(p, t0, tRead, tColor, tWrite));
        }
        return new FileOutcome(
                path, p.output(), FileOutcome.Status.DONE, null, sha, times(p, t0, tRead, tColor, tWrite));
    }

    private Optional<String> refusal(Pending p, String sha) {
        return settings.overwrite()
                ? Optional.empty()
                : OutputGuard.refusal(
                        manifest, settings.outDir(), p.output(), p.source().path(), sha);
    }

    private static StageTimes times(Pending p, long t0, long tRead, long tColor, long tWrite) {
        return new StageTimes(
                p.hashMillis(),
                millis(tRead - t0),
                millis(tColor - tRead),
                millis(tWrite - tColor),
                p.hashMillis() + millis(tWrite - t0));
    }

    private static long millis(long nanos) {
        return Math.max(0, nanos / 1_000_000);
    }
}
