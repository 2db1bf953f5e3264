package io.github.colorize.video;

import io.github.colorize.Provenance;
import io.github.colorize.video.internal.ContainerTags;
import io.github.colorize.video.internal.Dictionaries;
import io.github.colorize.video.internal.Ffmpeg;
import io.github.colorize.video.internal.SourceFacts;
import io.github.colorize.video.internal.VideoSource;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.global.avformat;

/** Reads facts about video files: their streams, and the provenance record in their tags. Stateless, thread-safe. */
public final class Videos {

    private Videos() {}

    /**
     * Describes a video file.
     *
     * @param file the file
     * @return what it holds
     * @throws UndecodableVideoException if it cannot be read as a video
     */
    public static VideoInfo probe(Path file) {
        try (VideoSource src = VideoSource.open(file)) {
            SourceFacts facts = src.facts();
            return new VideoInfo(
                    facts.containerName(),
                    facts.codecName(),
                    facts.width(),
                    facts.height(),
                    facts.frameRate().value(),
                    facts.frameCountEstimate(),
                    facts.durationSeconds(),
                    facts.audioStreams().size());
        }
    }

    /**
     * Reads the provenance record that {@link VideoJob} writes into the container's tags. Only the
     * container header is read.
     *
     * @param file the video
     * @return the record, or empty when the file carries none
     * @throws UndecodableVideoException if the file cannot be opened as a container
     * @throws VideoException if it carries a colorize record with a missing or unparsable field
     */
    public static Optional<Provenance> readProvenance(Path file) {
        AVFormatContext ctx = Ffmpeg.openInput(file);
        try {
            return ContainerTags.read(Dictionaries.read(ctx.metadata()));
        } catch (IllegalArgumentException e) {
            throw new VideoException(file, "malformed provenance tags: " + e.getMessage(), e);
        } finally {
            avformat.avformat_close_input(ctx);
        }
    }
}
