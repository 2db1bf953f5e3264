package io.github.colorize.video.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The output's video stream: chooses and opens the encoder, adds the stream to the muxer, and turns
 * packed frames into packets in the stream's time base, which it hands to a {@link PacketWriter} (the
 * muxer). Knows nothing of containers, tags or other streams. Not thread-safe; owns native memory
 * until {@link #close()}.
 */
final class FrameEncoder implements AutoCloseable {

    /** H.264 encoders in order of preference; which exist depends on the FFmpeg build (see README). */
    static final List<String> H264_ENCODERS = List.of("libx264", "libopenh264");

    /** Where encoded packets go. */
    @FunctionalInterface
    interface PacketWriter {
        /**
         * Takes a packet of the video stream (stream index and timestamps set for the muxer).
         *
         * @param packet the packet; its reference is taken over
         * @throws IOException if writing fails
         */
        void write(AVPacket packet) throws IOException;
    }

    private final Path file;
    private final EncoderSettings settings;
    private final PacketWriter writer;
    private AVCodecContext enc;
    private AVStream videoOut;
    private AVFrame yuv;
    private AVPacket packet;
    private PixelConverter converter;
    private String encoderName;
    private long lastPts = Long.MIN_VALUE;

    private FrameEncoder(Path file, EncoderSettings settings, PacketWriter writer) {
        this.file = file;
        this.settings = settings;
        this.writer = writer;
    }

    /**
     * Opens an encoder and adds the video stream to a muxer whose header is not yet written.
     *
     * @param out the muxer
     * @param file the file being written, for messages
     * @param settings the video stream
     * @param writer where packets go
     * @return the open encoder
     * @throws IllegalArgumentException if no encoder can be opened for the container
     */
    static FrameEncoder open(AVFormatContext out, Path file, EncoderSettings settings, PacketWriter writer) {
        FrameEncoder e = new FrameEncoder(file, settings, writer);
        try {
            e.openEncoder(out.oformat(), out);
            return e;
        } catch (RuntimeException ex) {
            e.close();
            throw ex;
        }
    }

    /**
     * Opens the encoder that a muxer for a container would get, without a muxer: packets keep the
     * encoder's time base (the source's, {@link EncoderSettings#timeBase()}) and stream index 0. For
     * writing a film in segments whose packets are muxed later, by {@link #writeEncoded}, into a file
     * whose own encoder was opened with the same settings (and so gives the same stream headers).
     *
     * @param container the container the packets are meant for (chooses the codec and whether the
     *     stream headers are global, as for a muxer of it)
     * @param file the file being written, for messages
     * @param settings the video stream
     * @param writer where packets go
     * @return the open encoder
     * @throws IllegalArgumentException if no encoder can be opened for the container
     */
    static FrameEncoder openDetached(
            AVOutputFormat container, Path file, EncoderSettings settings, PacketWriter writer) {
        FrameEncoder e = new FrameEncoder(file, settings, writer);
        try {
            e.openEncoder(container, null);
            return e;
        } catch (RuntimeException ex) {
            e.close();
            throw ex;
        }
    }

    private void openEncoder(AVOutputFormat ofmt, AVFormatContext out) {
        List<String> candidates = new ArrayList<>();
        if (settings.encoder() != null) {
            candidates.add(settings.encoder());
        } else {
            // 1: the container takes H.264; 0: it does not; negative: it cannot tell (MPEG-TS), so try.
            if (avformat.avformat_query_codec(ofmt, avcodec.AV_CODEC_ID_H264, 0) != 0) {
                candidates.addAll(H264_ENCODERS);
            }
            AVCodec fallback = avcodec.avcodec_find_encoder(ofmt.video_codec());
            if (fallback != null && !fallback.isNull()) {
                candidates.add(Ffmpeg.string(fallback.name()));
            }
        }
        List<String> failures = new ArrayList<>();
        for (String name : candidates) {
            AVCodec codec = avcodec.avcodec_find_encoder_by_name(name);
            if (codec == null || codec.isNull()) {
                failures.add(name + ": not in this FFmpeg build");
                continue;
            }
            String failure = tryEncoder(codec, ofmt, out);
            if (failure == null) {
                encoderName = name;
                return;
            }
            failures.add(name + ": " + failure);
        }
        throw new IllegalArgumentException("no video encoder for " + Ffmpeg.string(ofmt.name()) + " could be opened"
                + (failures.isEmpty() ? "" : " (" + String.join("; ", failures) + ")"));
    }

    /** Opens one encoder; returns null on success, else why not (the context is freed). */
    private String tryEncoder(AVCodec codec, AVOutputFormat ofmt, AVFormatContext out) {
        AVCodecContext c = avcodec.avcodec_alloc_context3(codec);
        int w = settings.codedWidth();
        int h = settings.codedHeight();
        c.width(w).height(h).pix_fmt(avutil.AV_PIX_FMT_YUV420P);
        c.time_base(settings.timeBase().toNative());
        Rational fps = settings.frameRate();
        if (fps.valid()) {
            c.framerate(fps.toNative());
            c.gop_size((int) Math.max(1, Math.min(600, Math.round(fps.value() * 5))));
        }
        if (settings.sampleAspectRatio().valid()) {
            c.sample_aspect_ratio(settings.sampleAspectRatio().toNative());
        }
        StreamColorSpace cs = settings.colors();
        c.colorspace(cs.matrix()).color_primaries(cs.primaries()).color_trc(cs.transfer());
        c.color_range(cs.fullRange() ? avutil.AVCOL_RANGE_JPEG : avutil.AVCOL_RANGE_MPEG);
        double rate = fps.valid() ? fps.value() : 25;
        // About a quarter bit per pixel: visually clean for film-like material at SD and HD.
        c.bit_rate(Math.max(500_000L, Math.min(60_000_000L, Math.round(0.25 * w * h * rate))));
        c.thread_count(0);
        if ((ofmt.flags() & avformat.AVFMT_GLOBALHEADER) != 0) {
            c.flags(c.flags() | avcodec.AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        String name = Ffmpeg.string(codec.name());
        if ("libx264".equals(name)) {
            // Constant quality instead of the bit-rate target above.
            avutil.av_opt_set(c.priv_data(), "crf", "18", 0);
            avutil.av_opt_set(c.priv_data(), "preset", "medium", 0);
            c.bit_rate(0);
        }
        int r = avcodec.avcodec_open2(c, codec, (AVDictionary) null);
        if (r < 0) {
            avcodec.avcodec_free_context(c);
            return Ffmpeg.error(r);
        }
        enc = c;
        yuv = PixelConverter.allocate(avutil.AV_PIX_FMT_YUV420P, w, h);
        packet = avcodec.av_packet_alloc();
        converter = new PixelConverter(w, h, cs);
        if (out == null) {
            return null; // detached: no stream
        }
        videoOut = avformat.avformat_new_stream(out, null);
        r = avcodec.avcodec_parameters_from_context(videoOut.codecpar(), enc);
        if (r < 0) {
            throw new IllegalStateException("cannot set up the video stream: " + Ffmpeg.error(r));
        }
        videoOut.time_base(enc.time_base());
        if (fps.valid()) {
            videoOut.avg_frame_rate(fps.toNative());
        }
        if (settings.sampleAspectRatio().valid()) {
            videoOut.sample_aspect_ratio(settings.sampleAspectRatio().toNative());
        }
        int[] matrix = settings.displayMatrix();
        if (matrix != null) {
            addDisplayMatrix(videoOut.codecpar(), matrix);
        }
        return null;
    }

    /** Adds a display matrix to a stream's side data, where muxers that can store one find it. */
    private static void addDisplayMatrix(AVCodecParameters par, int[] matrix) {
        // av_packet_side_data_new grows the array in place of the pointer and count it is given.
        try (PointerPointer<AVPacketSideData> array = new PointerPointer<>(1L);
                IntPointer count = new IntPointer(1L)) {
            array.put(0, par.coded_side_data());
            count.put(par.nb_coded_side_data());
            AVPacketSideData sd = avcodec.av_packet_side_data_new(
                    array, count, avcodec.AV_PKT_DATA_DISPLAYMATRIX, 4L * matrix.length, 0);
            if (sd == null || sd.isNull()) {
                throw new IllegalStateException("cannot add the display matrix to the video stream");
            }
            new IntPointer(sd.data()).put(matrix);
            par.coded_side_data(new AVPacketSideData(array.get(0)));
            par.nb_coded_side_data(count.get());
        }
    }

    /** @return the name of the encoder in use, for example "libopenh264" */
    String name() {
        return encoderName;
    }

    /** @return the time base of the packets this encoder makes */
    Rational timeBase() {
        return Rational.of(enc.time_base());
    }

    /** @return the encoder's time base, name and global stream headers, which segments must share */
    SegmentFile.Header header() {
        return new SegmentFile.Header(timeBase(), encoderName, extradata());
    }

    /** @return a copy of the encoder's global stream headers (H.264's SPS and PPS), empty if in-band */
    byte[] extradata() {
        int n = enc.extradata_size();
        byte[] b = new byte[Math.max(0, n)];
        if (n > 0) {
            enc.extradata().get(b);
        }
        return b;
    }

    /**
     * Muxes a packet that an encoder opened with the same settings made earlier (see {@link
     * #openDetached}), as if this encoder had made it.
     *
     * @param pkt the packet, timestamps in the source's time base; its reference is taken over
     * @throws IOException if writing fails
     */
    void writeEncoded(AVPacket pkt) throws IOException {
        avcodec.av_packet_rescale_ts(pkt, enc.time_base(), videoOut.time_base());
        pkt.stream_index(videoOut.index());
        writer.write(pkt);
    }

    /**
     * Encodes one frame.
     *
     * @param rgb packed pixels at {@link EncoderSettings#width()} × {@link EncoderSettings#height()}
     * @param pts presentation time in the source time base; made strictly increasing if it is not
     * @throws IOException if encoding or writing fails
     */
    void write(int[] rgb, long pts) throws IOException {
        long t = pts;
        if (t <= lastPts) {
            t = lastPts + 1;
        }
        lastPts = t;
        converter.fromRgb(pad(rgb), yuv);
        yuv.pts(t);
        send(yuv);
    }

    /**
     * Continues a timeline that an earlier encoder wrote up to a frame: the next frame's pts is made
     * strictly later than it, and {@link #nextPts()} follows it.
     *
     * @param pts the last pts written before, in the source time base
     */
    void continueAfter(long pts) {
        lastPts = pts;
    }

    /** @return the pts of the last frame written, or {@code Long.MIN_VALUE} before any */
    long lastPts() {
        return lastPts;
    }

    /**
     * The pts that follows the last written frame by one frame duration: for sources that carry no
     * timestamps.
     *
     * @return the next pts in the source time base
     */
    long nextPts() {
        if (lastPts == Long.MIN_VALUE) {
            return 0;
        }
        Rational fps = settings.frameRate().valid() ? settings.frameRate() : new Rational(25, 1);
        Rational tb = settings.timeBase();
        long step = Math.max(1, Math.round((double) tb.den() * fps.den() / ((double) tb.num() * fps.num())));
        return lastPts + step;
    }

    /**
     * Drains the encoder: the frames it still holds become packets.
     *
     * @throws IOException if encoding or writing fails
     */
    void flush() throws IOException {
        send(null);
    }

    private int[] pad(int[] rgb) {
        int w = settings.width();
        int h = settings.height();
        int cw = settings.codedWidth();
        int ch = settings.codedHeight();
        if (cw == w && ch == h) {
            return rgb;
        }
        int[] p = new int[cw * ch];
        for (int y = 0; y < ch; y++) {
            int sy = Math.min(y, h - 1);
            System.arraycopy(rgb, sy * w, p, y * cw, w);
            if (cw > w) {
                p[y * cw + w] = rgb[sy * w + w - 1];
            }
        }
        return p;
    }

    private void send(AVFrame f) throws IOException {
        int r = avcodec.avcodec_send_frame(enc, f);
        if (r < 0) {
            throw new IOException(file + ": the " + encoderName + " encoder failed: " + Ffmpeg.error(r));
        }
        while (true) {
            r = avcodec.avcodec_receive_packet(enc, packet);
            if (r == FfmpegErrors.EAGAIN || r == avutil.AVERROR_EOF) {
                return;
            }
            if (r < 0) {
                throw new IOException(file + ": the " + encoderName + " encoder failed: " + Ffmpeg.error(r));
            }
            if (videoOut != null) {
                avcodec.av_packet_rescale_ts(packet, enc.time_base(), videoOut.time_base());
                packet.stream_index(videoOut.index());
            }
            writer.write(packet);
        }
    }

    @Override
    public void close() {
        if (converter != null) {
            converter.close();
            converter = null;
        }
        if (yuv != null) {
            avutil.av_frame_free(yuv);
            yuv = null;
        }
        if (packet != null) {
            avcodec.av_packet_free(packet);
            packet = null;
        }
        if (enc != null) {
            avcodec.avcodec_free_context(enc);
            enc = null;
        }
    }
}
