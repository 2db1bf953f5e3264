package io.github.colorize.video.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/**
 * Writes the output file: encodes packed frames into one video stream (through a {@link
 * FrameEncoder}) and copies other streams' packets untouched, muxing both, with the container's tags.
 * Timestamps are kept in the source's time base, so the output has the source's frame timing exactly.
 * Not thread-safe; owns native memory until {@link #close()}.
 *
 * <p>Call order: {@link #open}, any mix of {@link #write} and {@link #copy}, {@link #finish}, {@link
 * #close}. Closing without finishing leaves an incomplete file, which the caller deletes.
 */
public final class VideoSink implements AutoCloseable {

    private final Path file;
    private AVFormatContext out;
    private FrameEncoder video;
    private final Map<Integer, AVStream> copies = new HashMap<>();
    private final Map<Integer, Rational> copyTimeBases = new HashMap<>();
    private final Map<Integer, Long> lastCopiedDts = new HashMap<>();
    private long retimedPackets;
    private long droppedPackets;
    private boolean headerWritten;
    private boolean finished;

    private VideoSink(Path file) {
        this.file = file;
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
        VideoSink sink = new VideoSink(file);
        try {
            sink.start(formatName, settings, source, audio, metadata);
            return sink;
        } catch (IOException | RuntimeException e) {
            sink.close();
            throw e;
        }
    }

    private void start(
            String formatName,
            EncoderSettings settings,
            VideoSource source,
            List<Integer> audio,
            Map<String, String> metadata)
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
        // The video stream first (index 0), as players expect, then the copies in source order.
        video = FrameEncoder.open(out, file, settings, this::interleave);
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
        return video.name();
    }

    /**
     * Encodes one frame.
     *
     * @param rgb packed pixels at {@link EncoderSettings#width()} × {@link EncoderSettings#height()}
     * @param pts presentation time in the source time base; made strictly increasing if it is not
     * @throws IOException if writing fails
     */
    public void write(int[] rgb, long pts) throws IOException {
        video.write(rgb, pts);
    }

    /**
     * Muxes a video packet that an encoder opened with the same settings made earlier, as if this
     * sink's encoder had made it (see {@link #videoHeader()}).
     *
     * @param pkt the packet, timestamps in the source's time base; its reference is taken over
     * @throws IOException if writing fails
     */
    public void writeEncoded(AVPacket pkt) throws IOException {
        video.writeEncoded(pkt);
    }

    /** @return the video encoder's time base, name and stream headers */
    public SegmentFile.Header videoHeader() {
        return video.header();
    }

    /**
     * The pts that follows the last written frame by one frame duration: for sources that carry no
     * timestamps.
     *
     * @return the next pts in the source time base
     */
    public long nextPts() {
        return video.nextPts();
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
        keepDtsIncreasing(pkt, st.index());
        pkt.stream_index(st.index());
        pkt.pos(-1);
        int r = avformat.av_interleaved_write_frame(out, pkt);
        if (r == avutil.AVERROR_INVALIDDATA()) {
            // A garbled packet of a damaged source that the container's bitstream filter refuses
            // (ADTS AAC into MP4): skip it, as a decoder skips a damaged video packet, and say so.
            droppedPackets++;
            avcodec.av_packet_unref(pkt);
        } else {
            requireWritten(r);
        }
    }

    /**
     * Muxers refuse a stream whose decoding times go backwards, which damaged sources (a garbled
     * stretch of MPEG-TS) produce. Like FFmpeg's own command, move such a packet just after the one
     * before it rather than fail the whole film over a few milliseconds of sound.
     */
    private void keepDtsIncreasing(AVPacket pkt, int stream) {
        long dts = pkt.dts();
        if (dts == avutil.AV_NOPTS_VALUE) {
            return;
        }
        Long last = lastCopiedDts.get(stream);
        if (last != null && dts <= last) {
            dts = last + 1;
            pkt.dts(dts);
            if (pkt.pts() != avutil.AV_NOPTS_VALUE && pkt.pts() < dts) {
                pkt.pts(dts);
            }
            retimedPackets++;
        }
        lastCopiedDts.put(stream, dts);
    }

    /** @return how many copied packets the container refused as damaged and were left out */
    public long droppedPackets() {
        return droppedPackets;
    }

    /** @return how many copied packets had their timestamps moved forward (damaged sources only) */
    public long retimedPackets() {
        return retimedPackets;
    }

    private void interleave(AVPacket pkt) throws IOException {
        requireWritten(avformat.av_interleaved_write_frame(out, pkt));
    }

    private void requireWritten(int r) throws IOException {
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
        video.flush();
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
        if (video != null) {
            video.close();
            video = null;
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
