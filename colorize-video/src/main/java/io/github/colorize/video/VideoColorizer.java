package io.github.colorize.video;

import io.github.colorize.Colorizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Colourises films frame by frame through any {@link Colorizer}, on FFmpeg: reads any container and
 * codec FFmpeg reads, writes H.264 in MP4 (or the container the target's extension names), keeps the
 * frame rate and every frame's timestamp, copies the audio streams untouched, stabilises the colours
 * over time, draws the palette mark on every frame and tags the container with the provenance record.
 *
 * <pre>{@code
 * try (Colorizer colorizer = Colorizers.create()) {
 *     VideoResult r = VideoColorizer.of(colorizer).colorize(Path.of("1952.mp4"), Path.of("1952-colour.mp4"));
 *     System.out.println(r.frames() + " frames at " + r.framesPerSecond() + " fps");
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe: several jobs may run at once, sharing the colorizer (which is
 * thread-safe). The colorizer is not owned: close it yourself.
 */
public final class VideoColorizer {

    private final Colorizer colorizer;
    private final VideoOptions options;

    private VideoColorizer(Colorizer colorizer, VideoOptions options) {
        this.colorizer = Objects.requireNonNull(colorizer, "colorizer");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * A video colorizer with the default options.
     *
     * @param colorizer colourises each frame; not closed by this object
     * @return the video colorizer
     */
    public static VideoColorizer of(Colorizer colorizer) {
        return new VideoColorizer(colorizer, VideoOptions.defaults());
    }

    /**
     * A video colorizer with options.
     *
     * @param colorizer colourises each frame; not closed by this object
     * @param options how to colourise
     * @return the video colorizer
     */
    public static VideoColorizer of(Colorizer colorizer, VideoOptions options) {
        return new VideoColorizer(colorizer, options);
    }

    /** @return the options */
    public VideoOptions options() {
        return options;
    }

    /**
     * Prepares a job; nothing is opened until {@link VideoJob#run()}.
     *
     * @param source the film; never modified
     * @param target the output file (its folder must exist); replaced atomically if present
     * @param listener receives progress after every frame
     * @return the job
     */
    public VideoJob job(Path source, Path target, VideoListener listener) {
        return new VideoJob(colorizer, options, source, target, listener);
    }

    /**
     * Colourises a film, blocking until done. Interrupting the thread cancels it.
     *
     * @param source the film; never modified
     * @param target the output file; replaced atomically if present
     * @return what was written
     * @throws IOException if the target cannot be written
     * @throws VideoException if the source cannot be decoded or the job is cancelled
     */
    public VideoResult colorize(Path source, Path target) throws IOException {
        return job(source, target, VideoListener.NONE).run();
    }
}
