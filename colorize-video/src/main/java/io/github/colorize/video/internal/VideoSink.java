package io.github.colorize.video.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Encodes packed frames into one video stream and copies other streams' packets untouched, muxing
 * both into a file. Timestamps are kept in the source's time base, so the output has the source's
 * frame timing exactly. Not thread-safe; owns native memory until {@link #close()}.
 *
 * <p>Call order: {@link #open}, any mix of {@link #write} and {@link #copy}, {@link #finish}, {@link
 * #close}. Closing without finishing leaves an incomplete file, which the caller deletes.
 */
public final class VideoSink implements AutoCloseable {

    /** H.264 encoders in order of preference; which exist depends on the FFmpeg build (see README). */
    static final List<String> H264_ENCODERS = List.of("libx264", "libopenh264");

    private final Path file;
    private final EncoderSettings settings;
    private AVFormatContext out;
    private AVCodecContext enc;
    private AVStream videoOut;
    private AVFrame yuv;
    private AVPacket packet;
    private PixelConverter converter;
    private final Map<Integer, AVStream> copies = new HashMap<>();
    private final Map<Integer, Rational> copyTimeBases = new HashMap<>();
    private String encoderName;
    private long lastPts = Long.MIN_VALUE;
    private boolean headerWritten;
    private boolean finished;

    private VideoSink(Path file, EncoderSettings settings) {
        this.file = file;
        this.settings = settings;
    }

    /**
     * Creates the file and the streams, and writes the container header.
     *
     * @param file where to write (the caller's temporary file)
     * @param formatName the FFmpeg muxer name, for example "mp4"
     * @param settings the video stream
     * @param source the input whose audio streams are copied
     * @param audio the indexes of the input streams to copy
     * @param metadata container-level tags
     * @return the open sink
     * @throws IOException if the file cannot be created or the header written
     * @throws IllegalArgumentException if the container cannot hold a copied stream's codec
     */
    public static VideoSink open(
            Path file,
            String formatName,
            EncoderSettings settings,
            VideoSource source,
            List<Integer> audio,
            Map<String, String> metadata)
            throws IOException {
        Ffmpeg.load();
        VideoSink sink = new VideoSink(file, settings);
        try {
            sink.start(formatName, source, audio, metadata);
            return sink;
        } catch (IOException | RuntimeException e) {
            sink.close();
            throw e;
        }
    }

    private void start(String formatName, VideoSource source, List<Integer> audio, Map<String, String> metadata)
            throws IOException {
        AVFormatContext ctx = new AVFormatContext(null);
        int r;
        // The name becomes the context's url, which MP4's faststart pass reopens the file by.
        try (BytePointer muxer = new BytePointer(formatName);
                BytePointer name = Ffmpeg.fileName(file)) {
            r = avformat.avformat_alloc_output_context2(ctx, null, muxer, name);
        }
        if (r < 0 || ctx.isNull()) {
            throw new IllegalArgumentException("FFmpeg has no muxer \"" + formatName + "\"");
        }
        out = ctx;
        AVOutputFormat ofmt = out.oformat();
        openEncoder(ofmt);
        for (int index : audio) {
            addCopy(ofmt, source.format().streams(index));
        }
        AVDictionary tags = null;
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            tags = Dictionaries.set(tags, e.getKey(), e.getValue());
        }
        if (tags != null) {
            out.metadata(tags);
        }
        if ((ofmt.flags() & avformat.AVFMT_NOFILE) == 0) {
            AVIOContext pb = new AVIOContext(null);
            r = avformat.avio_open(pb, out.url(), avformat.AVIO_FLAG_WRITE);
            if (r < 0) {
                throw new IOException(file + ": cannot create: " + Ffmpeg.error(r));
            }
            out.pb(pb);
        }
        AVDictionary options = null;
        if (isQuickTime(ofmt)) {
            // moov first, so the film plays while it downloads; mdta keys, so custom tags survive.
            options = Dictionaries.set(null, "movflags", "+faststart+use_metadata_tags");
        }
        r = avformat.avformat_write_header(out, options == null ? new AVDictionary(null) : options);
        if (options != null) {
            avutil.av_dict_free(options);
        }
        if (r < 0) {
            throw new IOException(file + ": cannot write the " + formatName + " header: " + Ffmpeg.error(r));
        }
        headerWritten = true;
    }

    static boolean isQuickTime(AVOutputFormat ofmt) {
        String name = Ffmpeg.string(ofmt.name());
        return name != null && (name.equals("mp4") || name.equals("mov") || name.equals("ipod") || name.equals("3gp"));
    }

    private void openEncoder(AVOutputFormat ofmt) {
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
            String failure = tryEncoder(codec, ofmt);
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
    private String tryEncoder(AVCodec codec, AVOutputFormat ofmt) {
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
        ColourSpace cs = settings.colours();
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
        if (settings.displayMatrix() != null) {
            addDisplayMatrix(videoOut.codecpar(), settings.displayMatrix());
        }
        yuv = PixelConverter.allocate(avutil.AV_PIX_FMT_YUV420P, w, h);
        packet = avcodec.av_packet_alloc();
        converter = new PixelConverter(w, h, cs);
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

    private void addCopy(AVOutputFormat ofmt, AVStream in) {
        int codecId = in.codecpar().codec_id();
        if (avformat.avformat_query_codec(ofmt, codecId, 0) == 0) {
            throw new IllegalArgumentException("the " + Ffmpeg.string(ofmt.name()) + " container cannot hold the "
                    + Ffmpeg.string(avcodec.avcodec_get_name(codecId)) + " audio of the source, which is copied"
                    + " untouched; choose another container (for example .mkv)");
        }
        AVStream st = avformat.avformat_new_stream(out, null);
        int r = avcodec.avcodec_parameters_copy(st.codecpar(), in.codecpar());
        if (r < 0) {
            throw new IllegalStateException("cannot copy an audio stream: " + Ffmpeg.error(r));
        }
        st.codecpar().codec_tag(0); // the tag is container-specific; let the muxer choose
        st.time_base(in.time_base());
        st.disposition(in.disposition());
        AVDictionary tags = in.metadata();
        if (tags != null && !tags.isNull()) {
            AVDictionary copy = new AVDictionary(null);
            avutil.av_dict_copy(copy, tags, 0);
            st.metadata(copy);
        }
        copies.put(in.index(), st);
        copyTimeBases.put(in.index(), Rational.of(in.time_base()));
    }

    /** @return the name of the video encoder in use, for example "libopenh264" */
    public String encoderName() {
        return encoderName;
    }

    /**
     * Encodes one frame.
     *
     * @param rgb packed pixels at {@link EncoderSettings#width()} × {@link EncoderSettings#height()}
     * @param pts presentation time in the source time base; made strictly increasing if it is not
     * @throws IOException if writing fails
     */
    public void write(int[] rgb, long pts) throws IOException {
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
     * The pts that follows the last written frame by one frame duration: for sources that carry no
     * timestamps.
     *
     * @return the next pts in the source time base
     */
    public long nextPts() {
        if (lastPts == Long.MIN_VALUE) {
            return 0;
        }
        Rational fps = settings.frameRate().valid() ? settings.frameRate() : new Rational(25, 1);
        Rational tb = settings.timeBase();
        long step = Math.max(1, Math.round((double) tb.den() * fps.den() / ((double) tb.num() * fps.num())));
        return lastPts + step;
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
            avcodec.av_packet_rescale_ts(packet, enc.time_base(), videoOut.time_base());
            packet.stream_index(videoOut.index());
            interleave(packet);
        }
    }

    /**
     * Copies a packet of a copied stream, untouched except for its timestamps' time base.
     *
     * @param pkt the packet (its reference is taken over and it is left blank)
     * @param in the input stream it belongs to
     * @throws IOException if writing fails
     */
    public void copy(AVPacket pkt, AVStream in) throws IOException {
        AVStream st = copies.get(in.index());
        if (st == null) {
            return; // a stream that is not copied (subtitles, data)
        }
        avcodec.av_packet_rescale_ts(pkt, copyTimeBases.get(in.index()).toNative(), st.time_base());
        pkt.stream_index(st.index());
        pkt.pos(-1);
        interleave(pkt);
    }

    private void interleave(AVPacket pkt) throws IOException {
        int r = avformat.av_interleaved_write_frame(out, pkt);
        if (r < 0) {
            throw new IOException(file + ": cannot write: " + Ffmpeg.error(r));
        }
    }

    /**
     * Flushes the encoder, adds late tags (where the container writes tags at the end) and writes
     * the trailer.
     *
     * @param lateMetadata tags known only at the end, such as timings
     * @throws IOException if writing fails
     */
    public void finish(Map<String, String> lateMetadata) throws IOException {
        send(null);
        AVDictionary tags = out.metadata();
        for (Map.Entry<String, String> e : lateMetadata.entrySet()) {
            tags = Dictionaries.set(tags, e.getKey(), e.getValue());
        }
        out.metadata(tags);
        int r = avformat.av_write_trailer(out);
        if (r < 0) {
            throw new IOException(file + ": cannot finish the file: " + Ffmpeg.error(r));
        }
        finished = true;
        closeFile();
    }

    /** @return whether the file is complete */
    public boolean finished() {
        return finished;
    }

    private void closeFile() throws IOException {
        if (out != null
                && out.pb() != null
                && !out.pb().isNull()
                && (out.oformat().flags() & avformat.AVFMT_NOFILE) == 0) {
            AVIOContext pb = out.pb();
            int r = avformat.avio_closep(pb);
            out.pb((AVIOContext) null);
            if (r < 0) {
                throw new IOException(file + ": cannot close: " + Ffmpeg.error(r));
            }
        }
    }

    @Override
    public void close() {
        try {
            closeFile();
        } catch (IOException e) {
            // The file is incomplete anyway; the caller deletes it.
        }
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
        if (out != null) {
            avformat.avformat_free_context(out);
            out = null;
        }
    }

    /** @return whether the header was written (the file exists and is a started container) */
    boolean started() {
        return headerWritten;
    }
}
