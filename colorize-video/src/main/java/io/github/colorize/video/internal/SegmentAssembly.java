package io.github.colorize.video.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * The last step of a film written in segments: one file with the segments' video packets, copied as
 * the encoders made them (no decoding, no re-encoding), and the source's audio packets copied again
 * from the source, interleaved by decoding time, with the container's tags. The video stream is set
 * up by an encoder opened with the segments' settings, so its headers are checked to be theirs, and
 * the packets' timestamps are the source's throughout (each segment was encoded with the source's
 * own pts and began with a key frame), so none is moved. Stateless.
 */
public final class SegmentAssembly {

    private SegmentAssembly() {}

    /**
     * What the assembly wrote besides the video.
     *
     * @param encoder the video encoder's name
     * @param retimedPackets copied packets whose timestamps were moved forward
     * @param droppedPackets damaged copied packets left out
     */
    public record Written(String encoder, long retimedPackets, long droppedPackets) {}

    /**
     * Writes the file.
     *
     * @param file the temporary file to write
     * @param format the muxer
     * @param settings the video stream, as the segments were encoded with
     * @param source the film (read again for its audio)
     * @param audio the indexes of the audio streams to copy
     * @param segments the film's segments, in order
     * @param tags the container's tags
     * @param lateTags tags known only at the end
     * @param checkpoint called every few hundred packets (may throw to cancel)
     * @return what was written
     * @throws IOException if a segment cannot be read or the file written
     */
    public static Written write(
            Path file,
            String format,
            EncoderSettings settings,
            Path source,
            List<Integer> audio,
            List<SegmentFile.Info> segments,
            Map<String, String> tags,
            Map<String, String> lateTags,
            Runnable checkpoint)
            throws IOException {
        AVPacket video = avcodec.av_packet_alloc();
        AVPacket[] held = new AVPacket[1];
        AVStream[] heldStream = new AVStream[1];
        try (VideoSource src = VideoSource.open(source);
                VideoSink sink = VideoSink.open(file, format, settings, src, audio, tags)) {
            SegmentFile.Header header = sink.videoHeader();
            VideoSource.PacketSink hold = (pkt, st) -> {
                if (audio.contains(st.index())) {
                    held[0] = avcodec.av_packet_clone(pkt);
                    heldStream[0] = st;
                }
            };
            boolean audioLeft = nextAudio(src, held, hold);
            long n = 0;
            for (SegmentFile.Info info : segments) {
                try (SegmentFile.Reader r = new SegmentFile.Reader(info.file())) {
                    if (!r.header().equals(header)) {
                        throw new IOException(info.file() + ": made by an encoder with other stream headers ("
                                + r.header().encoder() + ") than this run's (" + header.encoder() + ")");
                    }
                    while (r.next(video)) {
                        double t = seconds(video.dts(), video.pts(), header.timeBase());
                        // The sound that comes before this picture first, so both go out in time order.
                        while (audioLeft
                                && seconds(held[0].dts(), held[0].pts(), Rational.of(heldStream[0].time_base())) <= t) {
                            copyHeld(sink, held, heldStream);
                            audioLeft = nextAudio(src, held, hold);
                        }
                        sink.writeEncoded(video);
                        if (++n % 256 == 0) {
                            checkpoint.run();
                        }
                    }
                }
            }
            while (audioLeft) {
                copyHeld(sink, held, heldStream);
                audioLeft = nextAudio(src, held, hold);
            }
            sink.finish(lateTags);
            return new Written(sink.encoderName(), sink.retimedPackets(), sink.droppedPackets());
        } finally {
            avcodec.av_packet_free(video);
            if (held[0] != null) {
                avcodec.av_packet_free(held[0]);
            }
        }
    }

    private static boolean nextAudio(VideoSource src, AVPacket[] held, VideoSource.PacketSink hold) {
        while (src.nextOtherPacket(hold)) {
            if (held[0] != null) {
                return true;
            }
        }
        return false;
    }

    private static void copyHeld(VideoSink sink, AVPacket[] held, AVStream[] heldStream) throws IOException {
        AVPacket p = held[0];
        held[0] = null;
        try {
            sink.copy(p, heldStream[0]);
        } finally {
            avcodec.av_packet_free(p);
        }
    }

    /** A packet's decoding time in seconds (its presentation time if it has none; -inf if neither). */
    private static double seconds(long dts, long pts, Rational tb) {
        long t = dts != avutil.AV_NOPTS_VALUE ? dts : pts;
        return t == avutil.AV_NOPTS_VALUE ? Double.NEGATIVE_INFINITY : t * tb.value();
    }
}
