package io.github.colorize.cli.internal.batch;

import io.github.colorize.Colorizer;
import io.github.colorize.cli.internal.batch.PhotoJob.Pending;
import io.github.colorize.cli.internal.json.JsonLines;
import io.github.colorize.internal.io.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Colourises a set of photos and folders into an output folder, resumably.
 *
 * <p>A run: scans the inputs; takes the output folder's {@link OutputLock}; deletes temporary files an
 * interrupted run left ({@link PartFiles}); checks every photo against the {@link Manifest} (source
 * hash, settings, output present) on the calling thread; creates the colorizer only if something is
 * left to do; then colourises with at most {@code jobs} photos in flight on one shared colorizer (a
 * bounded executor, so memory stays bounded too). One bad photo never stops the others. Each outcome
 * goes to the listener and to a per-run log, {@code .colorize-runs/<time>-<pid>.jsonl}.
 *
 * <p>{@link #cancel()} (Ctrl-C) stops starting new photos; photos in flight are finished and recorded,
 * so an interrupted run leaves only complete outputs. One run per instance; {@code cancel} may be
 * called from any thread.
 */
public final class BatchRunner {

    /** The folder of per-run logs inside the output folder. */
    public static final String RUNS_DIR = ".colorize-runs";

    /** The reason given for photos skipped because their output is done and up to date. */
    public static final String ALREADY_DONE = "already done";

    private static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final BatchSettings settings;
    private final Supplier<Colorizer> colorizers;
    private final ColorCheck colorCheck;
    private final BatchListener listener;
    private final FatalFailures fatal;
    private final OutputWriter writer;
    private volatile boolean cancelled;
    private volatile FatalFailures.Stop stop;

    /**
     * Creates a runner.
     *
     * @param settings how to run
     * @param colorizers makes the one colorizer, when needed; may throw {@link
     *     io.github.colorize.ColorizeException} (no backend), which {@link #run} passes on
     * @param colourCheck tells photos in colour already
     * @param listener hears progress and outcomes
     * @param fatal failures that stop the whole batch (a used-up quota, a full disk: see {@link
     *     DiskFull})
     */
    public BatchRunner(
            BatchSettings settings,
            Supplier<Colorizer> colorizers,
            ColorCheck colorCheck,
            BatchListener listener,
            FatalFailures fatal) {
        this(settings, colorizers, colorCheck, listener, fatal, OutputWriter.IMAGES);
    }

    /** As the public constructor, writing outputs through {@code writer} (tests fail writes with it). */
    BatchRunner(
            BatchSettings settings,
            Supplier<Colorizer> colorizers,
            ColorCheck colorCheck,
            BatchListener listener,
            FatalFailures fatal,
            OutputWriter writer) {
        this.settings = settings;
        this.colorizers = colorizers;
        this.colorCheck = colorCheck;
        this.listener = listener;
        this.fatal = fatal;
        this.writer = writer;
    }

    private void stop(FatalFailures.Stop s) {
        synchronized (this) {
            if (stop != null) {
                return;
            }
            stop = s;
        }
        cancelled = true;
        listener.warning("stopping: " + s.reason());
    }

    /** Stops starting new photos; photos in flight are finished. Safe from any thread. */
    public void cancel() {
        cancelled = true;
    }

    /**
     * Runs the batch.
     *
     * @param inputs photos and folders
     * @return the totals
     * @throws BatchUsageException if the output folder is unusable or held by another run
     * @throws IOException if the output folder's bookkeeping cannot be written
     * @throws io.github.colorize.ColorizeException if the colorizer cannot be created
     */
    public BatchSummary run(List<Path> inputs) throws BatchUsageException, IOException {
        long start = System.nanoTime();
        Path outDir = settings.outDir();
        SourceScanner.Result scan = SourceScanner.scan(inputs, outDir);
        OutputNaming.Assignment names =
                OutputNaming.assign(scan.sources(), settings.format().extension());
        OutputGuard.prepareFolder(outDir);
        try (OutputLock lock = lock(outDir)) {
            // A live run whose output folder encloses this one may be writing into it right now.
            int removed = OutputLock.enclosingRun(outDir).isPresent() ? 0 : PartFiles.sweep(outDir);
            if (removed > 0) {
                listener.warning(outDir + ": removed " + removed + " partial file(s) left by an interrupted run");
            }
            scan.warnings().forEach(listener::warning);
            Path logFile = outDir.resolve(RUNS_DIR)
                    .resolve(RUN_ID.format(Instant.now()) + "-"
                            + ProcessHandle.current().pid() + ".jsonl");
            try (Manifest manifest = Manifest.open(outDir);
                    JsonLines log = JsonLines.openForAppend(logFile, false)) {
                if (manifest.malformedLines() > 0) {
                    listener.warning(outDir.resolve(Manifest.FILE_NAME) + ": ignored " + manifest.malformedLines()
                            + " unreadable line(s), probably cut short by a crash; those photos are checked again");
                }
                RunRecorder recorder = new RunRecorder(log, listener);
                scan.problems()
                        .forEach(p -> recorder.settle(
                                FileOutcome.failed(p.path(), null, p.reason(), null, FileOutcome.StageTimes.NONE)));
                // Named on the command line: skipped (a shell glob catches Thumbs.db too), but said in
                // every progress mode, where skip reasons alone are hidden behind the bar.
                for (Path p : scan.ignored()) {
                    String why = "not a photo file name (" + SourceScanner.EXTENSIONS_TEXT + ")";
                    listener.warning(p + ": " + why + "; skipped");
                    recorder.settle(FileOutcome.skipped(p, null, why, null));
                }
                if (scan.sources().isEmpty()
                        && scan.problems().isEmpty()
                        && scan.ignored().isEmpty()) {
                    listener.warning("no photos found in " + inputs + " (" + SourceScanner.EXTENSIONS_TEXT + ")");
                }
                names.conflicts()
                        .forEach((s, why) -> recorder.settle(
                                FileOutcome.failed(s.path(), null, why, null, FileOutcome.StageTimes.NONE)));
                Checked checked = check(names.outputs(), manifest, recorder);
                List<Pending> pending = checked.pending();
                listener.started(pending.size(), recorder.settled());
                long colorStart = System.nanoTime();
                int started = pending.isEmpty() || cancelled ? 0 : colorise(pending, manifest, recorder);
                Duration colorWall = Duration.ofNanos(System.nanoTime() - colorStart);
                BatchSummary summary = new BatchSummary(
                        recorder.done(),
                        recorder.skipped(),
                        recorder.failed(),
                        pending.size() - started + checked.unchecked(),
                        cancelled && stop == null,
                        Optional.ofNullable(stop),
                        Duration.ofNanos(System.nanoTime() - start),
                        colorWall,
                        logFile);
                recorder.append(summaryRecord(summary));
                listener.completed(summary);
                return summary;
            }
        }
    }

    /** The lock, or a usage error naming the folder: a lock that cannot even be opened makes it unusable. */
    private static OutputLock lock(Path outDir) throws BatchUsageException {
        try {
            return OutputLock.acquire(outDir);
        } catch (IOException e) {
            Path file = outDir.resolve(OutputLock.FILE_NAME);
            throw new BatchUsageException(
                    file + ": cannot open the lock file: " + Causes.of(e, file) + "; choose another --out");
        }
    }

    /** Photos still to do, and how many were never looked at because of a cancel. */
    private record Checked(List<Pending> pending, int unchecked) {}

    private Checked check(Map<SourceFile, String> outputs, Manifest manifest, RunRecorder recorder) {
        List<Pending> pending = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<SourceFile, String> e : outputs.entrySet()) {
            if (cancelled) {
                break;
            }
            checked++;
            SourceFile s = e.getKey();
            String output = e.getValue();
            long t0 = System.nanoTime();
            String sha;
            try {
                sha = Sha256.ofFile(s.path());
            } catch (IOException ex) {
                recorder.settle(FileOutcome.failed(
                        s.path(),
                        output,
                        "cannot read: " + Causes.of(ex, s.path()),
                        null,
                        FileOutcome.StageTimes.NONE));
                continue;
            }
            Path sidecar = HintSidecars.of(s.path(), settings.hints());
            String fingerprint = settings.fingerprint();
            if (sidecar != null) {
                try {
                    fingerprint = HintSidecars.fingerprint(fingerprint, Sha256.ofFile(sidecar));
                } catch (IOException ex) {
                    recorder.settle(FileOutcome.failed(
                            s.path(),
                            output,
                            "cannot read its hints " + sidecar + ": " + Causes.of(ex, sidecar),
                            sha,
                            FileOutcome.StageTimes.NONE));
                    continue;
                }
            }
            long hashMillis = (System.nanoTime() - t0) / 1_000_000;
            Optional<String> skip = settings.redo() ? Optional.empty() : skipReason(manifest, output, sha, fingerprint);
            if (skip.isPresent()) {
                recorder.settle(FileOutcome.skipped(s.path(), output, skip.get(), sha));
            } else {
                pending.add(new Pending(s, output, sha, hashMillis, sidecar, fingerprint));
            }
        }
        return new Checked(pending, outputs.size() - checked);
    }

    private Optional<String> skipReason(Manifest manifest, String output, String sha, String fingerprint) {
        Optional<Manifest.Entry> entry =
                manifest.latest(output).filter(en -> en.sourceSha256().equals(sha));
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Manifest.Entry en = entry.get();
        if (Manifest.DONE.equals(en.status())
                && en.settings().equals(fingerprint)
                && Files.isRegularFile(settings.outDir().resolve(output))) {
            return Optional.of(ALREADY_DONE);
        }
        if (Manifest.COLOUR.equals(en.status()) && !settings.force()) {
            return Optional.of("in colour already (found earlier); use --force to colourise it");
        }
        return Optional.empty();
    }

    /** Returns how many photos were started. */
    private int colorise(List<Pending> pending, Manifest manifest, RunRecorder recorder) {
        AtomicInteger started = new AtomicInteger();
        // Photos started and not yet settled, with what to say should they never be.
        Map<Pending, String> unsettled = new ConcurrentHashMap<>();
        try (Colorizer colorizer = colorizers.get()) {
            PhotoJob job = new PhotoJob(settings, colorizer, colorCheck, manifest, fatal, this::stop, writer);
            int jobs = settings.jobs();
            ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
                Thread t = new Thread(r, "colorize-worker");
                t.setDaemon(true);
                return t;
            });
            // At most `jobs` photos are queued or running: decoded photos are large.
            Semaphore slots = new Semaphore(jobs);
            try {
                for (Pending p : pending) {
                    slots.acquireUninterruptibly();
                    if (cancelled) {
                        slots.release();
                        break;
                    }
                    pool.execute(() -> {
                        try {
                            if (!cancelled) {
                                started.incrementAndGet();
                                unsettled.put(p, "stopped before its outcome was recorded");
                                FileOutcome outcome = job.run(p);
                                unsettled.remove(p);
                                recorder.settle(outcome);
                            }
                        } catch (Throwable e) { // settled as failed below; a dead worker must not hide it
                            unsettled.replace(
                                    p, "stopped on " + e.getClass().getName() + " before its outcome was recorded");
                        } finally {
                            slots.release();
                        }
                    });
                }
            } finally {
                pool.shutdown();
                awaitQuietly(pool);
            }
        }
        // PhotoJob turns every failure into an outcome; this is the last resort, so that a started photo
        // is never missing from the totals and the exit code.
        unsettled.forEach((p, why) -> recorder.settle(FileOutcome.failed(
                p.source().path(), p.output(), why + "; run again to retry it", null, FileOutcome.StageTimes.NONE)));
        return started.get();
    }

    private static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.HOURS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Object> summaryRecord(BatchSummary s) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("event", "summary");
        r.put("done", s.done());
        r.put("skipped", s.skipped());
        r.put("failed", s.failed());
        r.put("notStarted", s.notStarted());
        r.put("interrupted", s.interrupted());
        r.put("stopped", s.stopped().map(FatalFailures.Stop::reason).orElse(null));
        r.put("wallMs", s.wall().toMillis());
        r.put("wallPerPhotoMs", s.wallPerPhoto().toMillis());
        r.put("peakHeapMiB", ResourceUsage.peakHeapBytes() >> 20);
        ResourceUsage.peakRssBytes().ifPresent(b -> r.put("peakRssMiB", b >> 20));
        return r;
    }
}
