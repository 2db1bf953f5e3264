package io.github.colorize.video;

/**
 * What a video file holds, as FFmpeg reads it. Immutable and thread-safe.
 *
 * @param container the container's FFmpeg name, for example "mov,mp4,m4a,3gp,3g2,mj2"
 * @param videoCodec the main video stream's codec, for example "h264"
 * @param width frame width as shown: after the rotation a phone video's display matrix asks for
 * @param height frame height as shown
 * @param frameRate frames per second (FFmpeg's estimate for variable-rate files), 0 if unknown
 * @param frameCount frames announced by the container (or estimated from the duration), -1 if unknown
 * @param durationSeconds duration, -1 if unknown
 * @param audioStreams number of audio streams
 */
public record VideoInfo(
        String container,
        String videoCodec,
        int width,
        int height,
        double frameRate,
        long frameCount,
        double durationSeconds,
        int audioStreams) {}
