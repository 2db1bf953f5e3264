package io.github.colorize.video;

import io.github.colorize.Colorizer;
import io.github.colorize.Provenance;
import io.github.colorize.video.internal.AtomicOutput;
import io.github.colorize.video.internal.ContainerTags;
import io.github.colorize.video.internal.Containers;
import io.github.colorize.video.internal.EncoderSettings;
import io.github.colorize.video.internal.FramePipeline;
import io.github.colorize.video.internal.ResumableTranscode;
import io.github.colorize.video.internal.SourceFacts;
import io.github.colorize.video.internal.SourceHash;
import io.github.colorize.video.internal.TimelineGaps;
import io.github.colorize.video.internal.VideoSink;
import io.github.colorize.video.internal.VideoSource;
import io.github.colorize.video.internal.WorkFolder;
import io.github.colorize.video.internal.stabilize.ChromaStabilizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One film being colourised: created by {@link VideoColorizer#job}, run once with {@link #run()},
 * cancellable from any thread with {@link #cancel()} (or by interrupting the running thread).
 *
 * <p>The job streams: one frame is decoded, colourised, stabilised, marked and encoded at a time, so
 * memory does not grow with the film's length. The video is written in segments ({@link
 * VideoOptions#segmentLength()}) in a work folder beside the target, {@code .NAME.colorize-work}, each
 * kept once complete; the film is then assembled with its sound into a hidden temporary file beside
 * the target, renamed into place only when complete, and the work folder is deleted. A job stopped
 * part-way (cancelled, failed, or its process killed) leaves its complete segments, and a rerun for
 * the same source, target and settings continues after the last of them ({@link
 * VideoResult#resumedFrames()}); a work folder made for another source or other settings is emptied
 * first. With a segment length of zero the film is written in one pass and a stopped job starts over.
 *
 * <p>Thread safety: {@link #cancel()} and {@link #isCancelled()} may be called from any thread;
 * {@link #run()} runs once, on one thread.
 */
public final class VideoJob {

    /** Audio packets held while the first frame is colourised; beyond this the source is unusual. */
    private static final int MAX_PENDING_PACKETS = 20_000;

    /**
     * Frames colourised and stabilised again, without being encoded, before the point a resumed run
     * continues from: twice the stabiliser's memory. Its running average still weighs frames beyond
     * its memory (by (23/24)^24, about a third, at 24 frames back); with 24 frames of warm-up a
     * resumed shot's first frame jumped in colour 19 to 40 % more than the uninterrupted film did
     * there, with 48 as much as it did (VideoJobResumeTest's seam figures).
     */
    static final int WARM_UP = 2 * ChromaStabilizer.DEFAULT_MEMORY;

    private static final Logger LOG = LoggerFactory.getLogger(VideoJob.class);

    private final Colorizer colorizer;
    private final VideoOptions options;
    private final Path source;
    private final Path target;
    private final VideoListener listener;
    private volatile boolean cancelled;
    private boolean started;

    VideoJob(Colorizer colorizer, VideoOptions options, Path source, Path target, VideoListener listener) {
        this.colorizer = Objects.requireNonNull(colorizer, "colorizer");
        this.options = Objects.requireNonNull(options, "options");
        this.source = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Asks the job to stop after the frame in progress. Idempotent; callable from any thread. */
    public void cancel() {
        cancelled = true;
    }

    /** @return whether {@link #cancel()} was called */
    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Colourises the film into the target.
     *
     * @return what was written; its {@link VideoResult#warnings()} say what was damaged in a source
     *     that could still be colourised (skipped packets, data ending early)
     * @throws UndecodableVideoException if the source cannot be read as a video, or reading it fails
     *     part-way with an operating-system error (nothing is written: a rerun may succeed)
     * @throws VideoCancelledException if cancelled; nothing is left at the target, and only the complete
     *     segments beside it (for a rerun to continue)
     * @throws VideoException if the target's container cannot take the film (for example, audio it
     *     cannot hold) or the target would overwrite the source
     * @throws io.github.colorize.ColorizeException if the colorizer fails
     * @throws IOException if the target cannot be written
     * @throws IllegalStateException if the job was run before
     */
    public VideoResult run() throws IOException {
        synchronized (this) {
            if (started) {
                throw new IllegalStateException("a video job runs once");
            }
            started = true;
        }
        long start = System.nanoTime();
        checkPaths();
        String format = Containers.formatFor(target, options.format());
        AtomicOutput output = AtomicOutput.prepare(target);
        WorkFolder work = null;
        try {
            if (!options.segmentLength().isZero()) {
                work = WorkFolder.acquire(target);
                if (work == null) {
                    LOG.info("{}: another job is writing this film; this one writes it in one pass", target);
                }
            }
            VideoResult result =
                    work == null ? transcode(output, format, start) : resumable(output, format, start, work);
            checkCancelled(result.frames());
            output.commit();
            if (work != null) {
                work.delete();
            }
            return result;
        } catch (IOException | RuntimeException | Error e) {
            output.discard();
            if (work != null) {
                work.close(); // complete segments are kept for a rerun
            }
            throw e;
        }
    }

    private VideoResult resumable(AtomicOutput output, String format, long start, WorkFolder work) throws IOException {
        String sha256 = null;
        for (int attempt = 0; ; attempt++) {
            FramePipeline pipeline = newPipeline();
            try (VideoSource src = VideoSource.open(source)) {
                if (sha256 == null) {
                    sha256 = SourceHash.sha256(source, this::checkCancelledBeforeStart);
                }
                SourceFacts facts = src.facts();
                EncoderSettings settings = settings(src);
                long perSegment = ResumableTranscode.segmentFrames(options.segmentLength(), facts.frameRate());
                int warmUp = options.stabilize() ? WARM_UP : 0;
                work.adopt(fingerprint(sha256, format, settings, perSegment, warmUp));
                long[] done = {0};
                ResumableTranscode.Outcome o = new ResumableTranscode(
                                src,
                                settings,
                                pipeline,
                                work,
                                perSegment,
                                warmUp,
                                (n, resumed, cuts) -> {
                                    done[0] = n;
                                    listener.onProgress(new VideoProgress(
                                            n,
                                            facts.frameCountEstimate(),
                                            Duration.ofNanos(System.nanoTime() - start),
                                            cuts,
                                            resumed));
                                },
                                () -> checkCancelled(done[0]))
                        .run(
                                output.temp(),
                                format,
                                source.getFileName().toString(),
                                sha256,
                                options.colorizeOptions().embedMetadata(),
                                options.stabilize());
                return new VideoResult(
                        output.target(),
                        o.frames(),
                        o.sceneCuts(),
                        facts.audioStreams().size(),
                        o.written().encoder(),
                        Duration.ofNanos(System.nanoTime() - start),
                        o.provenance(),
                        warnings(src, o.written().retimedPackets(), o.written().droppedPackets(), o.gaps(), o.frames()),
                        o.resumedFrames());
            } catch (ResumableTranscode.ForeignWork e) {
                if (attempt > 0) {
                    throw new IllegalStateException(work.dir() + ": " + e.getMessage(), e);
                }
                LOG.info("{}: {}; starting the film afresh", work.dir(), e.getMessage());
                work.discardSegments();
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    /** What segments depend on, in words: a work folder with another fingerprint is not resumed. */
    private String fingerprint(String sha256, String format, EncoderSettings s, long perSegment, int warmUp)
            throws IOException {
        return "source " + sha256 + " " + Files.size(source) + "; colorizer " + colorizer.backend() + " "
                + colorizer.model() + "; " + options + " "
                + options.colorizeOptions().watermark() + "; format "
                + format + "; video " + s.width() + "x" + s.height() + " " + s.timeBase() + " " + s.frameRate() + " "
                + s.sampleAspectRatio() + " " + s.colors() + " " + s.encoder() + " "
                + java.util.Arrays.toString(s.displayMatrix()) + "; " + perSegment + " frames a segment, warm-up "
                + warmUp + "; " + io.github.colorize.internal.provenance.LibraryVersion.current();
    }

    /** A fresh pipeline: a stabilizer keeps state across frames, so every pass over the film needs its own. */
    private FramePipeline newPipeline() {
        ChromaStabilizer stabilizer = options.stabilize() ? new ChromaStabilizer() : null;
        return new FramePipeline(colorizer, options.colorizeOptions(), stabilizer);
    }

    private EncoderSettings settings(VideoSource src) {
        SourceFacts facts = src.facts();
        return new EncoderSettings(
                facts.width(),
                facts.height(),
                facts.timeBase(),
                facts.frameRate(),
                facts.sampleAspectRatio(),
                src.colors(),
                options.encoder(),
                facts.keptDisplayMatrix());
    }

    private void checkPaths() throws IOException {
        Path in = source.toAbsolutePath().normalize();
        Path out = target.toAbsolutePath().normalize();
        if (in.equals(out) || (Files.exists(out) && Files.exists(in) && Files.isSameFile(in, out))) {
            throw new VideoException(target, "is the source itself; originals are never overwritten", null);
        }
    }

    private VideoResult transcode(AtomicOutput output, String format, long start) throws IOException {
        FramePipeline pipeline = newPipeline();
        Deque<AVPacket> pending = new ArrayDeque<>();
        try (VideoSource src = VideoSource.open(source)) {
            // Opened first so that a file that is no video fails fast; hashed before the first frame.
            String sha256 = SourceHash.sha256(source, this::checkCancelledBeforeStart);
            return encode(src, output, format, start, pipeline, pending, sha256);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } finally {
            for (AVPacket p : pending) {
                avcodec.av_packet_free(p);
            }
        }
    }

    private VideoResult encode(
            VideoSource src,
            AtomicOutput output,
            String format,
            long start,
            FramePipeline pipeline,
            Deque<AVPacket> pending,
            String sha256)
            throws IOException {
        VideoSink sink = null;
        try {
            SourceFacts facts = src.facts();
            List<Integer> audio = facts.audioStreams();
            long total = facts.frameCountEstimate();
            EncoderSettings settings = settings(src);
            long frames = 0;
            Provenance provenance = null;
            TimelineGaps gaps = new TimelineGaps(facts.timeBase());
            while (true) {
                checkCancelled(frames);
                VideoSink open = sink;
                VideoSource.Frame frame = src.next((pkt, st) -> takePacket(open, pending, audio, pkt, st));
                if (frame == null) {
                    break;
                }
                int[] out = pipeline.process(frame.rgb(), facts.width(), facts.height());
                if (sink == null) {
                    provenance = pipeline.record(source.getFileName().toString(), sha256);
                    Map<String, String> tags = options.colorizeOptions().embedMetadata()
                            ? ContainerTags.early(provenance, options.stabilize())
                            : Map.of();
                    sink = openSink(output, format, settings, src, audio, tags);
                    flush(sink, pending, src);
                }
                long pts;
                if (frame.pts() == avutil.AV_NOPTS_VALUE) {
                    pts = sink.nextPts(); // made up from the nominal rate: no evidence of a gap
                } else {
                    pts = frame.pts();
                    gaps.observe(pts);
                }
                sink.write(out, pts);
                frames++;
                listener.onProgress(new VideoProgress(
                        frames, total, Duration.ofNanos(System.nanoTime() - start), pipeline.sceneCuts()));
            }
            checkCancelled(frames);
            provenance = provenance.withTimings(pipeline.timings());
            sink.finish(options.colorizeOptions().embedMetadata() ? ContainerTags.late(pipeline.timings()) : Map.of());
            return new VideoResult(
                    output.target(),
                    frames,
                    pipeline.sceneCuts(),
                    audio.size(),
                    sink.encoderName(),
                    Duration.ofNanos(System.nanoTime() - start),
                    provenance,
                    warnings(src, sink.retimedPackets(), sink.droppedPackets(), gaps, frames));
        } finally {
            if (sink != null) {
                sink.close();
            }
        }
    }

    private static List<String> warnings(
            VideoSource src, long retimedPackets, long droppedPackets, TimelineGaps gaps, long frames) {
        List<String> out = new java.util.ArrayList<>(src.damage());
        gaps.warning().ifPresent(out::add);
        SourceFacts facts = src.facts();
        double step = gaps.ordinaryStepSeconds() > 0
                ? gaps.ordinaryStepSeconds()
                : facts.frameRate().valid() ? 1 / facts.frameRate().value() : 0;
        facts.declared().shortfall(frames, gaps.coveredSeconds(), step).ifPresent(out::add);
        if (retimedPackets > 0) {
            out.add(retimedPackets + " copied audio packet" + (retimedPackets == 1 ? "" : "s")
                    + " had timestamps going backwards and were moved forward");
        }
        if (droppedPackets > 0) {
            out.add(droppedPackets + " damaged audio packet" + (droppedPackets == 1 ? " was" : "s were") + " left out");
        }
        return out;
    }

    private VideoSink openSink(
            AtomicOutput output,
            String format,
            EncoderSettings settings,
            VideoSource src,
            List<Integer> audio,
            Map<String, String> tags)
            throws IOException {
        try {
            return VideoSink.open(output.temp(), format, settings, src, audio, tags);
        } catch (IllegalArgumentException e) {
            throw new VideoException(target, e.getMessage(), e);
        }
    }

    /** Copies an audio packet now, or keeps a reference until the output is open. */
    private void takePacket(VideoSink sink, Deque<AVPacket> pending, List<Integer> audio, AVPacket pkt, AVStream st) {
        if (!audio.contains(st.index())) {
            return;
        }
        if (sink != null) {
            try {
                sink.copy(pkt, st);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return;
        }
        if (pending.size() >= MAX_PENDING_PACKETS) {
            throw new UndecodableVideoException(
                    source,
                    "more than " + MAX_PENDING_PACKETS + " audio packets come before the first video frame"
                            + " (badly interleaved streams)",
                    null);
        }
        pending.add(avcodec.av_packet_clone(pkt));
    }

    private static void flush(VideoSink sink, Deque<AVPacket> pending, VideoSource src) throws IOException {
        while (!pending.isEmpty()) {
            AVPacket p = pending.poll();
            try {
                sink.copy(p, src.format().streams(p.stream_index()));
            } finally {
                avcodec.av_packet_free(p);
            }
        }
    }

    private void checkCancelled(long frames) {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            cancelled = true;
            throw new VideoCancelledException(target, frames);
        }
    }

    private void checkCancelledBeforeStart() {
        checkCancelled(0);
    }
}
