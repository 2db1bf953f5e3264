package io.github.colorize.video.internal;

import io.github.colorize.Provenance;
import io.github.colorize.Timings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * Colourises a film in segments that a later run can continue (see {@link WorkFolder}): the frames of
 * the complete segments are decoded only for their timestamps, the {@link #warmUp} frames before the
 * resume point are colourised and stabilised again without being encoded, so that the stabiliser
 * carries the same memory across the seam, and the rest is encoded into new segments, each by a new
 * encoder (so it starts with a key frame) and committed when complete. The segments are then
 * assembled with the audio ({@link SegmentAssembly}). Not thread-safe; one per run.
 */
public final class ResumableTranscode {

    /** The segments in the work folder do not belong to this film after all: clear them and start over. */
    public static final class ForeignWork extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ForeignWork(String message) {
            super(message, null, false, false);
        }
    }

    /** Called after each frame this run writes, with the frame count so far (resumed ones included). */
    @FunctionalInterface
    public interface Progress {
        /**
         * Reports a frame.
         *
         * @param framesDone frames done, the resumed ones included
         * @param framesResumed frames taken over from the segments of an earlier run
         * @param sceneCuts scene cuts found so far
         */
        void frame(long framesDone, long framesResumed, long sceneCuts);
    }

    /**
     * What the run did.
     *
     * @param frames frames in the film
     * @param resumedFrames frames taken over from an earlier run
     * @param sceneCuts scene cuts in the film
     * @param provenance the record written into the container
     * @param written what the assembly wrote
     * @param gaps the timeline's gaps, over the whole film
     */
    public record Outcome(
            long frames,
            long resumedFrames,
            long sceneCuts,
            Provenance provenance,
            SegmentAssembly.Written written,
            TimelineGaps gaps) {}

    private final VideoSource src;
    private final EncoderSettings settings;
    private final FramePipeline pipeline;
    private final WorkFolder work;
    private final long segmentFrames;
    private final int warmUp;
    private final Progress progress;
    private final Runnable checkpoint;
    private final List<SegmentFile.Info> done = new ArrayList<>();

    /**
     * Prepares the run.
     *
     * @param src the opened source
     * @param settings the output's video stream
     * @param pipeline the frame pipeline (with a fresh stabiliser, if any)
     * @param work the locked work folder, adopted for this job
     * @param segmentFrames frames per segment
     * @param warmUp frames colourised again before the resume point (the stabiliser's memory; 0 without)
     * @param progress told of each frame written
     * @param checkpoint called before each frame (may throw to cancel)
     */
    public ResumableTranscode(
            VideoSource src,
            EncoderSettings settings,
            FramePipeline pipeline,
            WorkFolder work,
            long segmentFrames,
            int warmUp,
            Progress progress,
            Runnable checkpoint) {
        this.src = Objects.requireNonNull(src);
        this.settings = Objects.requireNonNull(settings);
        this.pipeline = Objects.requireNonNull(pipeline);
        this.work = Objects.requireNonNull(work);
        this.segmentFrames = segmentFrames;
        this.warmUp = warmUp;
        this.progress = Objects.requireNonNull(progress);
        this.checkpoint = Objects.requireNonNull(checkpoint);
    }

    /**
     * Colourises what is not done yet into segments, then assembles the film.
     *
     * @param file the temporary file to assemble into
     * @param format the muxer
     * @param sourceName the source's file name, for the record
     * @param sha256 the source's SHA-256
     * @param embedMetadata whether the container gets the provenance tags
     * @param stabilised whether the chroma is stabilised (for the tags)
     * @return what was done
     * @throws IOException if a segment or the file cannot be written
     * @throws ForeignWork if the segments found do not fit this film after all
     */
    public Outcome run(
            Path file, String format, String sourceName, String sha256, boolean embedMetadata, boolean stabilized)
            throws IOException {
        AVOutputFormat container = avformat.av_guess_format(format, null, null);
        SegmentFile.Header header;
        try (FrameEncoder probe = FrameEncoder.openDetached(container, file, settings, avcodec::av_packet_unref)) {
            header = probe.header();
        }
        done.addAll(work.completeSegments(header, segmentFrames));
        long resumeAt = done.stream().mapToLong(SegmentFile.Info::frames).sum();
        Provenance record = null;
        if (resumeAt > 0) {
            record = ContainerTags.read(work.provenance())
                    .orElseThrow(() -> new ForeignWork("segments without the record of the run that made them"));
        }
        long skipUntil = Math.max(0, resumeAt - warmUp);
        TimelineGaps gaps = new TimelineGaps(settings.timeBase());
        Segment current = null;
        long last = Long.MIN_VALUE;
        long frames = 0;
        try {
            while (true) {
                checkpoint.run();
                VideoSource.Frame f = src.next((p, s) -> {}, frames >= skipUntil);
                if (f == null) {
                    break;
                }
                long index = frames++;
                if (f.pts() != avutil.AV_NOPTS_VALUE) {
                    gaps.observe(f.pts());
                }
                // The same timestamps the encoder of a one-pass run would write (see FrameEncoder#write).
                long pts = f.pts() == avutil.AV_NOPTS_VALUE ? nextPts(last) : f.pts();
                pts = Math.max(pts, last == Long.MIN_VALUE ? pts : last + 1);
                if (index == resumeAt
                        && resumeAt > 0
                        && last != done.get(done.size() - 1).lastPts()) {
                    throw new ForeignWork("the segments end at another time than this film's frame " + resumeAt);
                }
                last = pts;
                if (index < skipUntil) {
                    continue;
                }
                long cutsBefore = pipeline.sceneCuts();
                Timings timingsBefore = pipeline.timings();
                int[] out = pipeline.process(f.rgb(), settings.width(), settings.height());
                if (record == null) {
                    record = pipeline.record(sourceName, sha256);
                    work.storeProvenance(ContainerTags.early(record, stabilized));
                } else if (index == skipUntil
                        && !Objects.equals(
                                record.modelSha256(), pipeline.firstProvenance().modelSha256())) {
                    throw new ForeignWork("the model's weights changed since the segments were made");
                }
                if (index < resumeAt) {
                    continue; // warm-up: the stabiliser's memory, not encoded again
                }
                if (current == null) {
                    current = new Segment(container, file, header, done.size(), index, cutsBefore, timingsBefore);
                }
                current.write(out, pts);
                if (current.frames == segmentFrames) {
                    commit(current);
                    current = null;
                }
                progress.frame(index + 1, resumeAt, sumCuts(current));
            }
            if (current != null) {
                commit(current);
                current = null;
            }
        } finally {
            if (current != null) {
                current.close();
            }
        }
        if (frames < resumeAt) {
            throw new ForeignWork("the film has fewer frames than its segments");
        }
        checkpoint.run();
        Timings total = Timings.ZERO;
        for (SegmentFile.Info s : done) {
            total = plus(total, s.timings());
        }
        Provenance provenance = record.withTimings(total);
        SegmentAssembly.Written written = SegmentAssembly.write(
                file,
                format,
                settings,
                src.file(),
                src.facts().audioStreams(),
                done,
                embedMetadata ? ContainerTags.early(provenance, stabilized) : java.util.Map.of(),
                embedMetadata ? ContainerTags.late(total) : java.util.Map.of(),
                checkpoint);
        return new Outcome(frames, resumeAt, sumCuts(null), provenance, written, gaps);
    }

    /**
     * Frames per segment for a length of film.
     *
     * @param length the length (positive)
     * @param frameRate the film's frame rate (25 assumed when unknown)
     * @return at least 1
     */
    public static long segmentFrames(java.time.Duration length, Rational frameRate) {
        double fps = frameRate.valid() ? frameRate.value() : 25;
        return Math.max(1, Math.round(length.toNanos() / 1e9 * fps));
    }

    private long nextPts(long last) {
        if (last == Long.MIN_VALUE) {
            return 0;
        }
        Rational fps = settings.frameRate().valid() ? settings.frameRate() : new Rational(25, 1);
        Rational tb = settings.timeBase();
        return last + Math.max(1, Math.round((double) tb.den() * fps.den() / ((double) tb.num() * fps.num())));
    }

    private long sumCuts(Segment open) {
        long n = open == null ? 0 : pipeline.sceneCuts() - open.cutsBefore;
        for (SegmentFile.Info s : done) {
            n += s.sceneCuts();
        }
        return n;
    }

    private void commit(Segment s) throws IOException {
        SegmentFile.Info info =
                s.finish(pipeline.sceneCuts() - s.cutsBefore, minus(pipeline.timings(), s.timingsBefore));
        done.add(new SegmentFile.Info(
                work.commit(s.part, s.index),
                info.firstFrame(),
                info.frames(),
                info.firstPts(),
                info.lastPts(),
                info.sceneCuts(),
                info.timings(),
                info.header()));
    }

    private static Timings plus(Timings a, Timings b) {
        return new Timings(
                a.preprocess().plus(b.preprocess()),
                a.inference().plus(b.inference()),
                a.postprocess().plus(b.postprocess()));
    }

    private static Timings minus(Timings a, Timings b) {
        return new Timings(
                a.preprocess().minus(b.preprocess()),
                a.inference().minus(b.inference()),
                a.postprocess().minus(b.postprocess()));
    }

    /** One segment being written: its own encoder, into its own file. */
    private final class Segment implements AutoCloseable {
        final int index;
        final Path part;
        final long firstFrame;
        final long cutsBefore;
        final Timings timingsBefore;
        final SegmentFile.Header header;
        final SegmentFile.Writer writer;
        final FrameEncoder encoder;
        long frames;
        long firstPts;
        long lastPts;

        Segment(
                AVOutputFormat container,
                Path file,
                SegmentFile.Header header,
                int index,
                long firstFrame,
                long cutsBefore,
                Timings timingsBefore)
                throws IOException {
            this.index = index;
            this.part = work.partFor(index);
            this.firstFrame = firstFrame;
            this.cutsBefore = cutsBefore;
            this.timingsBefore = timingsBefore;
            this.header = header;
            this.writer = new SegmentFile.Writer(part, firstFrame, header);
            FrameEncoder e;
            try {
                e = FrameEncoder.openDetached(container, file, settings, pkt -> {
                    try {
                        writer.add(pkt);
                    } finally {
                        avcodec.av_packet_unref(pkt);
                    }
                });
            } catch (RuntimeException ex) {
                writer.close();
                throw ex;
            }
            this.encoder = e;
            if (!encoder.header().equals(header)) {
                close();
                throw new IllegalStateException("the encoder's stream headers changed between two openings");
            }
        }

        void write(int[] rgb, long pts) throws IOException {
            if (frames == 0) {
                firstPts = pts;
            }
            encoder.write(rgb, pts);
            lastPts = pts;
            frames++;
        }

        SegmentFile.Info finish(long cuts, Timings timings) throws IOException {
            try {
                encoder.flush();
                writer.finish(frames, firstPts, lastPts, cuts, timings);
                return new SegmentFile.Info(part, firstFrame, frames, firstPts, lastPts, cuts, timings, header);
            } finally {
                close();
            }
        }

        @Override
        public void close() {
            encoder.close();
            writer.close();
        }
    }
}
