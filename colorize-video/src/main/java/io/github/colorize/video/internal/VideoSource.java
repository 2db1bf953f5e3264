package io.github.colorize.video.internal;

import io.github.colorize.video.UndecodableVideoException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
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
 * {@link #width()} and {@link #height()} are the upright size. Not thread-safe; owns native memory
 * until {@link #close()}.
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
     * @param rgb packed {@code 0xRRGGBB} pixels at the upright size ({@link #width()} × {@link #height()})
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
    private final int videoIndex;
    private final int storedWidth;
    private final int storedHeight;
    private final Orientation orientation;
    private final int[] keptDisplayMatrix;
    private final int width;
    private final int height;
    private final ColourSpace colours;
    private boolean inputEnded;
    private boolean decoderDrained;
    private long frames;
    private int decodeErrors;
    private String lastError;

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
            this.videoIndex = r;
            AVStream st = fmt.streams(videoIndex);
            AVCodecParameters par = st.codecpar();
            if (par.width() <= 0 || par.height() <= 0) {
                throw new UndecodableVideoException(file, "the video stream has no frame size", null);
            }
            this.storedWidth = par.width();
            this.storedHeight = par.height();
            int[] matrix = Orientation.readDisplayMatrix(par);
            Orientation o = Orientation.fromDisplayMatrix(matrix);
            if (o == null) {
                // Turning by an odd angle would resample and crop the film; keep it as stored and let
                // the output carry the same matrix, so that players still show it as intended.
                LOG.warn(
                        "{}: the display matrix asks for a rotation of {} degrees, not a right angle;"
                                + " the frames are colourised as stored and the output keeps the matrix",
                        file,
                        Math.round(-avutil.av_display_rotation_get(matrix)));
                this.orientation = Orientation.UPRIGHT;
                this.keptDisplayMatrix = matrix;
            } else {
                this.orientation = o;
                this.keptDisplayMatrix = null;
            }
            this.width = orientation.uprightWidth(storedWidth, storedHeight);
            this.height = orientation.uprightHeight(storedWidth, storedHeight);
            this.dec = avcodec.avcodec_alloc_context3(codec);
            check(avcodec.avcodec_parameters_to_context(dec, par), "cannot configure the decoder");
            dec.pkt_timebase(st.time_base());
            dec.thread_count(0); // FFmpeg picks a thread count for the machine
            check(avcodec.avcodec_open2(dec, codec, (AVDictionary) null), "cannot open the decoder");
            // Untagged sources get a matrix guessed from the size they were encoded at, not the upright one.
            this.colours = ColourSpace.resolve(
                    dec.colorspace(), dec.color_primaries(), dec.color_trc(), dec.color_range(), storedHeight);
            this.packet = avcodec.av_packet_alloc();
            this.frame = avutil.av_frame_alloc();
            this.converter = new PixelConverter(storedWidth, storedHeight, colours);
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
        while (true) {
            int r = avcodec.avcodec_receive_frame(dec, frame);
            if (r == 0) {
                try {
                    long pts = frame.best_effort_timestamp();
                    int[] rgb = orientation.apply(converter.toRgb(frame), storedWidth, storedHeight);
                    return new Frame(rgb, pts, frames++);
                } finally {
                    avutil.av_frame_unref(frame);
                }
            }
            if (r == avutil.AVERROR_EOF) {
                decoderDrained = true;
                if (frames == 0) {
                    throw new UndecodableVideoException(
                            file,
                            "no video frame could be decoded" + (lastError == null ? "" : " (" + lastError + ")"),
                            null);
                }
                return null;
            }
            if (r != FfmpegErrors.EAGAIN) {
                decodeError(r);
                continue;
            }
            if (inputEnded) {
                // Draining mode was entered but the decoder still wants input: nothing more can come.
                return null;
            }
            readPacket(others);
        }
    }

    private void readPacket(PacketSink others) {
        int r = avformat.av_read_frame(fmt, packet);
        if (r < 0) {
            if (r != avutil.AVERROR_EOF) {
                // A damaged or truncated file: keep what was decoded, say so in the debug log.
                lastError = Ffmpeg.error(r);
                LOG.debug("{}: reading stopped: {}", file, lastError);
            }
            inputEnded = true;
            avcodec.avcodec_send_packet(dec, null);
            return;
        }
        try {
            if (packet.stream_index() == videoIndex) {
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

    /** @return the upright frame width (the stored height when the stream is turned a quarter) */
    public int width() {
        return width;
    }

    /** @return the upright frame height */
    public int height() {
        return height;
    }

    /** @return how the stored frames are turned to come out upright */
    public Orientation orientation() {
        return orientation;
    }

    /**
     * The display matrix to carry over to the output: set only when the source's asks for an angle
     * that is not a right angle, which is not applied to the pixels.
     *
     * @return a copy of the 9 values, or null when the frames come out upright
     */
    public int[] keptDisplayMatrix() {
        return keptDisplayMatrix == null ? null : keptDisplayMatrix.clone();
    }

    /** @return the colour space frames are read with */
    public ColourSpace colours() {
        return colours;
    }

    /** @return the demuxer context (owned by this source) */
    public AVFormatContext format() {
        return fmt;
    }

    /** @return the decoded video stream (owned by this source) */
    public AVStream videoStream() {
        return fmt.streams(videoIndex);
    }

    /** @return the video stream's time base */
    public Rational timeBase() {
        return Rational.of(videoStream().time_base());
    }

    /** @return the frame rate FFmpeg infers for the stream (0/1 if unknown) */
    public Rational frameRate() {
        return Rational.of(avformat.av_guess_frame_rate(fmt, videoStream(), null));
    }

    /** @return the sample (pixel) aspect ratio of the upright frames, 0/1 if unknown */
    public Rational sampleAspectRatio() {
        return orientation.uprightAspect(Rational.of(videoStream().codecpar().sample_aspect_ratio()));
    }

    /** @return the name of the video codec, for example "h264" */
    public String codecName() {
        return Ffmpeg.string(avcodec.avcodec_get_name(videoStream().codecpar().codec_id()));
    }

    /** @return the container's short name, for example "mov,mp4,m4a,3gp,3g2,mj2" */
    public String containerName() {
        return Ffmpeg.string(fmt.iformat().name());
    }

    /**
     * The number of frames, from the container's count or else its duration and frame rate.
     *
     * @return the estimate, or -1 when unknown
     */
    public long frameCountEstimate() {
        long n = videoStream().nb_frames();
        if (n > 0) {
            return n;
        }
        double seconds = durationSeconds();
        Rational fps = frameRate();
        return seconds > 0 && fps.valid() ? Math.round(seconds * fps.value()) : -1;
    }

    /** @return the duration in seconds, or -1 when unknown */
    public double durationSeconds() {
        AVStream st = videoStream();
        if (st.duration() > 0 && st.duration() != avutil.AV_NOPTS_VALUE) {
            return st.duration() * Rational.of(st.time_base()).value();
        }
        long d = fmt.duration();
        return d > 0 && d != avutil.AV_NOPTS_VALUE ? d / (double) avutil.AV_TIME_BASE : -1;
    }

    /** @return the indexes of the audio streams, in file order */
    public List<Integer> audioStreams() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < fmt.nb_streams(); i++) {
            if (fmt.streams(i).codecpar().codec_type() == avutil.AVMEDIA_TYPE_AUDIO) {
                out.add(i);
            }
        }
        return out;
    }

    /** @return how many damaged packets or frames were skipped */
    public int decodeErrors() {
        return decodeErrors;
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
