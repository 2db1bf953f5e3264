/**
 * colorize-video: colourises films frame by frame through any colorizer, on FFmpeg.
 *
 * <p>Exported: {@code io.github.colorize.video}. {@code io.github.colorize.video.internal} (FFmpeg
 * plumbing, the chroma stabiliser) is an implementation detail.
 *
 * <p>FFmpeg's native libraries come in a platform module (for example {@code
 * org.bytedeco.ffmpeg.linux.x86_64}) that nothing requires by name, so that this module stays
 * platform-neutral; on the module path, add it with {@code --add-modules} (see the README).
 */
module io.github.colorize.video {
    requires transitive io.github.colorize;
    requires org.bytedeco.ffmpeg;
    requires org.bytedeco.javacpp;
    requires org.slf4j;

    exports io.github.colorize.video;
}
