package io.github.colorize.video.internal;

import io.github.colorize.video.UndecodableVideoException;
import io.github.colorize.video.VideoException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads FFmpeg's native libraries once, routes FFmpeg's log to SLF4J (debug only: this module
 * reports failures itself, as typed exceptions), and turns FFmpeg error codes into text. Thread-safe.
 */
public final class Ffmpeg {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.colorize.video.ffmpeg");

    /** Kept reachable for as long as FFmpeg may call it. */
    private static volatile LogCallback logCallback;

    private static volatile boolean loaded;

    private Ffmpeg() {}

    /**
     * Loads the natives (once) and configures logging.
     *
     * @throws VideoException if the natives for this platform are not on the class path
     */
    public static void load() {
        if (loaded) {
            return;
        }
        synchronized (Ffmpeg.class) {
            if (loaded) {
                return;
            }
            try {
                Loader.load(avutil.class);
                Loader.load(avcodec.class);
                Loader.load(avformat.class);
                Loader.load(swscale.class);
            } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                throw new VideoException(
                        null,
                        "FFmpeg's native libraries for " + Loader.getPlatform() + " are not on the class path"
                                + " (add org.bytedeco:ffmpeg with the classifier " + Loader.getPlatform()
                                + ", see the colorize-video README): " + e.getMessage(),
                        e);
            }
            if (LOG.isDebugEnabled()) {
                LogCallback cb = new LogCallback() {
                    @Override
                    public void call(int level, BytePointer msg) {
                        LOG.debug(
                                "[{}] {}",
                                level,
                                msg.getString(StandardCharsets.UTF_8).stripTrailing());
                    }
                };
                logCallback = cb;
                avutil.setLogCallback(cb);
                avutil.av_log_set_level(avutil.AV_LOG_INFO);
            } else {
                // FFmpeg would otherwise print straight to the process's stderr.
                avutil.av_log_set_level(avutil.AV_LOG_QUIET);
            }
            loaded = true;
        }
    }

    /**
     * Opens a file's container for reading, loading the natives first.
     *
     * @param file the video
     * @return the open context; the caller closes it with {@code avformat_close_input}
     * @throws UndecodableVideoException if the file is missing, not a regular file, or not a container
     *     FFmpeg can open
     */
    public static AVFormatContext openInput(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UndecodableVideoException(file, Files.exists(file) ? "not a regular file" : "no such file", null);
        }
        load();
        AVFormatContext ctx = new AVFormatContext(null);
        int r;
        try (BytePointer name = fileName(file)) {
            r = avformat.avformat_open_input(ctx, name, null, (AVDictionary) null);
        }
        if (r < 0) {
            throw new UndecodableVideoException(file, error(r), null);
        }
        return ctx;
    }

    /**
     * FFmpeg's text for an error code, for example "Invalid data found when processing input".
     *
     * @param code a negative AVERROR code
     * @return the text
     */
    public static String error(int code) {
        byte[] buf = new byte[256];
        if (avutil.av_strerror(code, buf, buf.length) < 0) {
            return "FFmpeg error " + code;
        }
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * A file name as FFmpeg's {@code open()} needs it: in the platform's file-name encoding, which is
     * what the JVM itself uses for file names (not always the default charset).
     *
     * @param file the file
     * @return a new native string; the caller closes it
     */
    public static BytePointer fileName(Path file) {
        String enc = System.getProperty("sun.jnu.encoding");
        Charset cs;
        try {
            cs = enc == null ? Charset.defaultCharset() : Charset.forName(enc);
        } catch (IllegalArgumentException e) {
            cs = Charset.defaultCharset();
        }
        // "file:" keeps names such as "a:b.mp4" from being read as protocols.
        byte[] name = ("file:" + file.toAbsolutePath()).getBytes(cs);
        BytePointer p = new BytePointer(name.length + 1L);
        p.put(name).put(name.length, (byte) 0);
        return p;
    }

    /**
     * Reads a native C string.
     *
     * @param p the string, or null
     * @return the text, or null
     */
    public static String string(BytePointer p) {
        return p == null || p.isNull() ? null : p.getString(StandardCharsets.UTF_8);
    }
}
