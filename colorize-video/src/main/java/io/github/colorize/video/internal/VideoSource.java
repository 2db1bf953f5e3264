package io.github.colorize.video.internal;

import io.github.colorize.video.UndecodableVideoException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demuxes a file and decodes its main video stream into packed {@code 0xRRGGBB} frames, one at a
 * time (nothing is buffered beyond what the decoder itself holds), handing every packet of the other
 * streams to a {@link PacketSink} untouched. Frames come out upright: a stream whose display matrix
 * asks for a right-angle rotation or mirroring (phone videos) is turned as players would show it, and
 * {@link SourceFacts#width()} and {@link SourceFacts#height()} are the upright size. What the file
 * says about the stream is read once at open into {@link #facts()}; this class keeps the decoding.
 * Not thread-safe; owns native memory until {@link #close()}.
 */
public final class VideoSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VideoSource.class);

    /** Receives the packets of streams other than the decoded video stream, in file order. */
    @FunctionalInterface
    public interface PacketSink {
        /**
         * Takes a packet; it is unreferenced after the call, so keep a reference or a clone.
         *
         * @param packet the packet, with timestamps in its stream's time base
         * @param stream the input stream it belongs to
         */
        void accept(AVPacket packet, AVStream stream);
    }

    /**
     * One decoded frame.
     *
     * @param rgb packed {@code 0xRRGGBB} pixels at the upright size ({@link SourceFacts#width()} ×
     *     {@link SourceFacts#height()})
     * @param pts presentation time in the stream's time base, or {@code AV_NOPTS_VALUE}
     * @param index 0 for the first decoded frame
     */
    public record Frame(int[] rgb, long pts, long index) {}

    private final Path file;
    private AVFormatContext fmt;
    private AVCodecContext dec;
    private AVPacket packet;
    private AVFrame frame;
    private PixelConverter converter;
    private final SourceFacts facts;
    private final StreamColorSpace colors;
    private boolean inputEnded;
    private boolean decoderDrained;
    private long frames;
    private int decodeErrors;
    private String lastError;
    private String readProblem;

    private VideoSource(Path file) {
        this.file = file;
        this.fmt = Ffmpeg.openInput(file);
        try {
            int r = avformat.avformat_find_stream_info(fmt, (AVDictionary) null);
            if (r < 0) {
                throw new UndecodableVideoException(file, "cannot read stream information: " + Ffmpeg.error(r), null);
            }
            AVCodec codec = new AVCodec(null);
            r = avformat.av_find_best_stream(fmt, avutil.AVMEDIA_TYPE_VIDEO, -1, -1, codec, 0);
            if (r == avutil.AVERROR_STREAM_NOT_FOUND) {
                throw new UndecodableVideoException(file, "the file has no video stream", null);
            }
            if (r == avutil.AVERROR_DECODER_NOT_FOUND) {
                int id = firstVideoCodec();
                throw new UndecodableVideoException(
                        file, "no decoder for its video codec " + Ffmpeg.string(avcodec.avcodec_get_name(id)), null);
            }
            if (r < 0) {
                throw new UndecodableVideoException(file, Ffmpeg.error(r), null);
            }
            // Before the decoder opens: a stream with no frame size is reported as such, not as a
            // decoder that fails to open.
            this.facts = SourceFacts.read(file, fmt, r);
            int[] kept = facts.keptDisplayMatrix();
            if (kept != null) {
                LOG.warn(
                        "{}: the display matrix asks for a rotation of {} degrees, not a right angle;"
                                + " the frames are colourised as stored and the output keeps the matrix",
                        file,
                        Math.round(-avutil.av_display_rotation_get(kept)));
            }
            AVStream st = videoStream();
            this.dec = avcodec.avcodec_alloc_context3(codec);
            check(avcodec.avcodec_parameters_to_context(dec, st.codecpar()), "cannot configure the decoder");
            dec.pkt_timebase(st.time_base());
            dec.thread_count(0); // FFmpeg picks a thread count for the machine
            check(avcodec.avcodec_open2(dec, codec, (AVDictionary) null), "cannot open the decoder");
            // Untagged sources get a matrix guessed from the size they were encoded at, not the upright one.
            this.colors = StreamColorSpace.resolve(
                    dec.colorspace(), dec.color_primaries(), dec.color_trc(), dec.color_range(), facts.storedHeight());
            this.packet = avcodec.av_packet_alloc();
            this.frame = avutil.av_frame_alloc();
            this.converter = new PixelConverter(facts.storedWidth(), facts.storedHeight(), colors);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Opens a file and its main video stream.
     *
     * @param file the file
     * @return the source; close it
     * @throws UndecodableVideoException if the file cannot be opened, has no video stream, or its video
     *     codec has no decoder
     */
    public static VideoSource open(Path file) {
        return new VideoSource(file);
    }

    private int firstVideoCodec() {
        for (int i = 0; i < fmt.nb_streams(); i++) {
            if (fmt.streams(i).codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
                return fmt.streams(i).codecpar().codec_id();
            }
        }
        return avcodec.AV_CODEC_ID_NONE;
    }

    private void check(int r, String what) {
        if (r < 0) {
            throw new UndecodableVideoException(file, what + ": " + Ffmpeg.error(r), null);
        }
    }

    /**
     * Decodes the next video frame. Packets of other streams read on the way go to the sink.
     *
     * @param others receives the other streams' packets
     * @return the frame, or null at the end of the stream
     * @throws UndecodableVideoException if the stream ends without a single decodable frame, or
     *     reading the file fails
     */
    public Frame next(PacketSink others) {
        return next(others, true);
    }

    /**
     * Decodes the next video frame, converting its pixels only when asked: a run that continues a
     * film decodes the frames already done only for their timestamps.
     *
     * @param others receives the other streams' packets
     * @param pixels whether to convert the pixels (else {@link Frame#rgb()} is null)
     * @return the frame, or null at the end of the stream
     * @throws UndecodableVideoException as {@link #next(PacketSink)}
     */
    public Frame next(PacketSink others, boolean pixels) {
        while (true) {
            int r = avcodec.avcodec_receive_frame(dec, frame);
            if (r == 0) {
                try {
                    long pts = frame.best_effort_timestamp();
                    int[] rgb = pixels
                            ? facts.orientation()
                                    .apply(converter.toRgb(frame), facts.storedWidth(), facts.storedHeight())
                            : null;
                    return new Frame(rgb, pts, frames++);
                } finally {
                    avutil.av_frame_unref(frame);
                }
            }
            if (r == avutil.AVERROR_EOF) {
                decoderDrained = true;
                return endOfStream();
            }
            if (r != FfmpegErrors.EAGAIN) {
                decodeError(r);
                continue;
            }
            if (inputEnded) {
                // Draining mode was entered but the decoder still wants input: nothing more can come.
                return endOfStream();
            }
            readPacket(others);
        }
    }

    private Frame endOfStream() {
        if (frames == 0) {
            throw new UndecodableVideoException(
                    file, "no video frame could be decoded" + (lastError == null ? "" : " (" + lastError + ")"), null);
        }
        return null;
    }

    /**
     * Reads the next packet of the streams other than the video, without decoding anything: for
     * copying them again once the video is done.
     *
     * @param others receives the packet
     * @return false at the end of the file (or where damaged data ends it)
     * @throws UndecodableVideoException if reading the file fails
     */
    public boolean nextOtherPacket(PacketSink others) {
        while (true) {
            int r = avformat.av_read_frame(fmt, packet);
            if (r < 0) {
                failIfUnreadable(r);
                return false;
            }
            try {
                if (packet.stream_index() != facts.videoStreamIndex()) {
                    others.accept(packet, fmt.streams(packet.stream_index()));
                    return true;
                }
            } finally {
                avcodec.av_packet_unref(packet);
            }
        }
    }

    private void failIfUnreadable(int r) {
        // The I/O layer's own error, not the demuxer's answer: demuxers also return errno codes
        // (EIO, EINVAL) for damaged data, which stays damaged however often it is read, and some
        // report a failed read as a plain end of file, so it is asked even then.
        int io = fmt.pb() == null ? 0 : fmt.pb().error();
        if (FfmpegErrors.isSystemError(io) || r == FfmpegErrors.ENOMEM) {
            // The file could not be read (a network drive gone, a disk error), or memory ran out:
            // what was decoded is not the whole film, and a rerun may well succeed, so nothing is
            // committed.
            throw new UndecodableVideoException(
                    file, "reading failed after " + frames + " frames (" + Ffmpeg.error(io < 0 ? io : r) + ")", null);
        }
    }

    private void readPacket(PacketSink others) {
        int r = avformat.av_read_frame(fmt, packet);
        if (r < 0) {
            failIfUnreadable(r);
            if (r != avutil.AVERROR_EOF) {
                lastError = Ffmpeg.error(r);
                // Damaged or cut-short data: like FFmpeg's own tools, keep what was decoded, but say so.
                readProblem = "reading stopped early after " + frames + " frames (" + lastError + ")";
                LOG.warn("{}: {}; the frames before it are kept", file, readProblem);
            }
            inputEnded = true;
            avcodec.avcodec_send_packet(dec, null);
            return;
        }
        try {
            if (packet.stream_index() == facts.videoStreamIndex()) {
                int s = avcodec.avcodec_send_packet(dec, packet);
                if (s < 0 && s != FfmpegErrors.EAGAIN) {
                    decodeError(s);
                }
            } else {
                others.accept(packet, fmt.streams(packet.stream_index()));
            }
        } finally {
            avcodec.av_packet_unref(packet);
        }
    }

    private void decodeError(int r) {
        // Decoders conceal damaged packets; like FFmpeg's own tools, skip them and go on.
        decodeErrors++;
        lastError = Ffmpeg.error(r);
        LOG.debug("{}: decoding error #{}: {}", file, decodeErrors, lastError);
        if (decodeErrors > 1000 && frames == 0) {
            throw new UndecodableVideoException(file, "the video stream cannot be decoded: " + lastError, null);
        }
    }

    /** @return the file being read */
    public Path file() {
        return file;
    }

    /** @return what the file says about the video stream and its container, as read at open */
    public SourceFacts facts() {
        return facts;
    }

    /**
     * The colour space frames are read with, and the output is written with. Not part of {@link
     * #facts()}: it is resolved from the opened decoder, which can know more than the container.
     *
     * @return the colour space
     */
    public StreamColorSpace colors() {
        return colors;
    }

    /** @return the demuxer context (owned by this source) */
    public AVFormatContext format() {
        return fmt;
    }

    /** @return the decoded video stream (owned by this source) */
    public AVStream videoStream() {
        return fmt.streams(facts.videoStreamIndex());
    }

    /** @return how many damaged packets or frames were skipped */
    public int decodeErrors() {
        return decodeErrors;
    }

    /**
     * What was wrong with the file although frames could be decoded: damaged packets skipped, or the
     * data ending early. Empty for a sound file.
     *
     * @return the problems, in words
     */
    public List<String> damage() {
        List<String> out = new ArrayList<>(2);
        if (decodeErrors > 0) {
            out.add(decodeErrors + " damaged video packet" + (decodeErrors == 1 ? "" : "s") + " skipped (last: "
                    + lastError + ")");
        }
        if (readProblem != null) {
            out.add(readProblem);
        }
        return List.copyOf(out);
    }

    /** @return whether the decoder has delivered its last frame */
    public boolean finished() {
        return decoderDrained;
    }

    @Override
    public void close() {
        if (converter != null) {
            converter.close();
            converter = null;
        }
        if (frame != null) {
            avutil.av_frame_free(frame);
            frame = null;
        }
        if (packet != null) {
            avcodec.av_packet_free(packet);
            packet = null;
        }
        if (dec != null) {
            avcodec.avcodec_free_context(dec);
            dec = null;
        }
        if (fmt != null) {
            avformat.avformat_close_input(fmt);
            fmt = null;
        }
    }
}
