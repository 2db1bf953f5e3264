package io.github.colorize.video.internal;

import java.nio.ByteOrder;
import java.nio.IntBuffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;

/**
 * Converts between FFmpeg frames and packed {@code 0xRRGGBB} pixels with swscale, through a native
 * {@code BGR0} frame whose little-endian 32-bit words are exactly {@code 0x00RRGGBB}. One instance per
 * direction and stream; not thread-safe. Owns its native frames; {@linkplain #close() close} it.
 */
public final class PixelConverter implements AutoCloseable {

    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    /** The 32-bit format whose native-order words read as {@code 0x00RRGGBB}. */
    private static final int PACKED = LITTLE_ENDIAN ? avutil.AV_PIX_FMT_BGR0 : avutil.AV_PIX_FMT_0RGB;

    private final int width;
    private final int height;
    private final StreamColorSpace colors;
    private final AVFrame packed;
    private SwsContext sws;

    /**
     * Creates a converter for frames of one output size.
     *
     * @param width the width of the packed pixels
     * @param height their height
     * @param colours the YUV matrix and range to read or write with
     */
    public PixelConverter(int width, int height, StreamColorSpace colors) {
        this.width = width;
        this.height = height;
        this.colors = colors;
        this.packed = allocate(PACKED, width, height);
    }

    /**
     * Allocates a native frame with its buffers.
     *
     * @param format the pixel format
     * @param w width
     * @param h height
     * @return the frame; free with {@code av_frame_free}
     */
    static AVFrame allocate(int format, int w, int h) {
        AVFrame f = avutil.av_frame_alloc();
        f.format(format).width(w).height(h);
        int r = avutil.av_frame_get_buffer(f, 32);
        if (r < 0) {
            avutil.av_frame_free(f);
            throw new IllegalStateException("cannot allocate a " + w + "x" + h + " frame: " + Ffmpeg.error(r));
        }
        return f;
    }

    /**
     * Converts a decoded frame (any format, any size) to packed pixels of this converter's size.
     *
     * @param src the decoded frame
     * @return new packed pixels, {@code width·height} long
     */
    public int[] toRgb(AVFrame src) {
        sws = swscale.sws_getCachedContext(
                sws,
                src.width(),
                src.height(),
                src.format(),
                width,
                height,
                PACKED,
                swscale.SWS_BICUBIC | swscale.SWS_ACCURATE_RND | swscale.SWS_FULL_CHR_H_INT,
                null,
                null,
                (DoublePointer) null);
        if (sws == null || sws.isNull()) {
            throw new IllegalStateException("swscale cannot convert pixel format " + src.format());
        }
        IntPointer coeffs = swscale.sws_getCoefficients(colors.matrix());
        // Source: the stream's matrix and range; destination: full-range RGB.
        swscale.sws_setColorspaceDetails(sws, coeffs, colors.fullRange() ? 1 : 0, coeffs, 1, 0, 1 << 16, 1 << 16);
        check(avutil.av_frame_make_writable(packed));
        swscale.sws_scale(sws, src.data(), src.linesize(), 0, src.height(), packed.data(), packed.linesize());
        int[] out = new int[width * height];
        int stride = packed.linesize(0);
        IntBuffer words = packedWords(stride);
        for (int y = 0; y < height; y++) {
            words.position(y * (stride / 4));
            words.get(out, y * width, width);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] &= 0xFFFFFF;
        }
        return out;
    }

    /**
     * Converts packed pixels of this converter's size into a frame of another format and size, with
     * the colour space's matrix and range.
     *
     * @param rgb packed pixels, {@code width·height} long
     * @param dst the destination frame (format, size and buffers set); it is made writable first
     */
    public void fromRgb(int[] rgb, AVFrame dst) {
        if (rgb.length != width * height) {
            throw new IllegalArgumentException("need " + width * height + " pixels, got " + rgb.length);
        }
        sws = swscale.sws_getCachedContext(
                sws,
                width,
                height,
                PACKED,
                dst.width(),
                dst.height(),
                dst.format(),
                swscale.SWS_BICUBIC | swscale.SWS_ACCURATE_RND,
                null,
                null,
                (DoublePointer) null);
        if (sws == null || sws.isNull()) {
            throw new IllegalStateException("swscale cannot convert to pixel format " + dst.format());
        }
        IntPointer coeffs = swscale.sws_getCoefficients(colors.matrix());
        swscale.sws_setColorspaceDetails(sws, coeffs, 1, coeffs, colors.fullRange() ? 1 : 0, 0, 1 << 16, 1 << 16);
        check(avutil.av_frame_make_writable(packed));
        int stride = packed.linesize(0);
        IntBuffer words = packedWords(stride);
        for (int y = 0; y < height; y++) {
            words.position(y * (stride / 4));
            words.put(rgb, y * width, width);
        }
        check(avutil.av_frame_make_writable(dst));
        swscale.sws_scale(sws, packed.data(), packed.linesize(), 0, height, dst.data(), dst.linesize());
    }

    /** The packed frame's buffer as native-order 32-bit words, rows {@code stride} bytes apart. */
    private IntBuffer packedWords(int stride) {
        return packed.data(0)
                .capacity((long) stride * height)
                .asByteBuffer()
                .order(ByteOrder.nativeOrder())
                .asIntBuffer();
    }

    private static void check(int r) {
        if (r < 0) {
            throw new IllegalStateException("FFmpeg: " + Ffmpeg.error(r));
        }
    }

    @Override
    public void close() {
        if (sws != null) {
            swscale.sws_freeContext(sws);
            sws = null;
        }
        avutil.av_frame_free(packed);
    }
}
