package io.github.colorize.video;

import io.github.colorize.Colorizer;
import io.github.colorize.Provenance;
import io.github.colorize.video.internal.AtomicOutput;
import io.github.colorize.video.internal.ContainerTags;
import io.github.colorize.video.internal.Containers;
import io.github.colorize.video.internal.EncoderSettings;
import io.github.colorize.video.internal.FramePipeline;
import io.github.colorize.video.internal.SourceFacts;
import io.github.colorize.video.internal.SourceHash;
import io.github.colorize.video.internal.TimelineGaps;
import io.github.colorize.video.internal.VideoSink;
import io.github.colorize.video.internal.VideoSource;
import io.github.colorize.video.internal.stabilise.ChromaStabiliser;
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

/**
 * One film being colourised: created by {@link VideoColorizer#job}, run once with {@link #run()},
 * cancellable from any thread with {@link #cancel()} (or by interrupting the running thread).
 *
 * <p>The job streams: one frame is decoded, colourised, stabilised, marked and encoded at a time, so
 * memory does not grow with the film's length. It writes a hidden temporary file beside the target
 * and renames it into place only when complete; on failure or cancellation the temporary file is
 * deleted, and a rerun after a crash deletes any leftover before starting over.
 *
 * <p>Thread safety: {@link #cancel()} and {@link #isCancelled()} may be called from any thread;
 * {@link #run()} runs once, on one thread.
 */
public final class VideoJob {

    /** Audio packets held while the first frame is colourised; beyond this the source is unusual. */
    private static final int MAX_PENDING_PACKETS = 20_000;

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
     * @throws VideoCancelledException if cancelled; nothing is left at the target or beside it
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
        try {
            VideoResult result = transcode(output, format, start);
            checkCancelled(result.frames());
            output.commit();
            return result;
        } catch (IOException | RuntimeException | Error e) {
            output.discard();
            throw e;
        }
    }

    private void checkPaths() throws IOException {
        Path in = source.toAbsolutePath().normalize();
        Path out = target.toAbsolutePath().normalize();
        if (in.equals(out) || (Files.exists(out) && Files.exists(in) && Files.isSameFile(in, out))) {
            throw new VideoException(target, "is the source itself; originals are never overwritten", null);
        }
    }

    private VideoResult transcode(AtomicOutput output, String format, long start) throws IOException {
        ChromaStabiliser stabiliser = options.stabilise() ? new ChromaStabiliser() : null;
        FramePipeline pipeline = new FramePipeline(colorizer, options.colorizeOptions(), stabiliser);
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
            EncoderSettings settings = new EncoderSettings(
                    facts.width(),
                    facts.height(),
                    facts.timeBase(),
                    facts.frameRate(),
                    facts.sampleAspectRatio(),
                    src.colours(),
                    options.encoder(),
                    facts.keptDisplayMatrix());
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
                    provenance = Provenance.of(
                                    pipeline.firstProvenance().backend(),
                                    pipeline.firstProvenance().model(),
                                    pipeline.firstProvenance().modelSha256(),
                                    pipeline.firstProvenance().renderFactor(),
                                    pipeline.firstProvenance().chromaStrength(),
                                    pipeline.firstProvenance().device(),
                                    pipeline.timings())
                            .withSource(source.getFileName().toString(), sha256);
                    Map<String, String> tags = options.colorizeOptions().embedMetadata()
                            ? ContainerTags.early(provenance, options.stabilise())
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
                    warnings(src, sink, gaps, frames));
        } finally {
            if (sink != null) {
                sink.close();
            }
        }
    }

    private static List<String> warnings(VideoSource src, VideoSink sink, TimelineGaps gaps, long frames) {
        List<String> out = new java.util.ArrayList<>(src.damage());
        gaps.warning().ifPresent(out::add);
        SourceFacts facts = src.facts();
        double step = gaps.ordinaryStepSeconds() > 0
                ? gaps.ordinaryStepSeconds()
                : facts.frameRate().valid() ? 1 / facts.frameRate().value() : 0;
        facts.declared().shortfall(frames, gaps.coveredSeconds(), step).ifPresent(out::add);
        if (sink.retimedPackets() > 0) {
            out.add(sink.retimedPackets() + " copied audio packet" + (sink.retimedPackets() == 1 ? "" : "s")
                    + " had timestamps going backwards and were moved forward");
        }
        if (sink.droppedPackets() > 0) {
            out.add(sink.droppedPackets() + " damaged audio packet" + (sink.droppedPackets() == 1 ? " was" : "s were")
                    + " left out");
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
