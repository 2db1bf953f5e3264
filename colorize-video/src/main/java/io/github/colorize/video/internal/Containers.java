package io.github.colorize.video.internal;

import io.github.colorize.video.VideoException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.global.avformat;

/** Chooses the output container. Stateless. */
public final class Containers {

    private Containers() {}

    /**
     * The FFmpeg muxer for a target: the one asked for, else the one its extension names.
     *
     * @param target the output file
     * @param requested a muxer name, or null
     * @return the muxer's name, for example "mp4"
     * @throws VideoException if no muxer fits
     */
    public static String formatFor(Path target, String requested) {
        Ffmpeg.load();
        AVOutputFormat f = requested != null
                ? avformat.av_guess_format(requested, null, null)
                : avformat.av_guess_format(null, target.getFileName().toString(), null);
        if (f == null || f.isNull()) {
            throw new VideoException(
                    target,
                    requested != null
                            ? "FFmpeg has no container format \"" + requested + "\""
                            : "cannot tell the container from the file name; use .mp4, .mov or .mkv",
                    null);
        }
        if ((f.flags() & avformat.AVFMT_NOFILE) != 0 || f.video_codec() == 0) {
            throw new VideoException(target, Ffmpeg.string(f.name()) + " is not a video file format", null);
        }
        return Ffmpeg.string(f.name());
    }
}
