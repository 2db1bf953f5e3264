package io.github.colorize.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.video.testing.FfmpegTool;
import io.github.colorize.video.testing.FlickerStubColorizer;
import io.github.colorize.video.testing.SyntheticClip;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoJobTest {

    @TempDir
    static Path dir;

    static Path clip;

    @BeforeAll
    static void makeClip() throws Exception {
        clip = FfmpegTool.writeSyntheticClip(dir.resolve("clip.mp4"));
    }

    @Test
    void colourisesTheClipKeepingFramesTimestampsAndAudio() throws Exception {
        Path out = dir.resolve("out.mp4");
        FlickerStubColorizer stub = new FlickerStubColorizer();
        VideoResult r = VideoColorizer.of(stub).colorize(clip, out);
        assertThat(r.frames()).isEqualTo(SyntheticClip.FRAMES);
        assertThat(stub.calls()).isEqualTo(SyntheticClip.FRAMES);
        assertThat(FfmpegTool.streamEntry(out, "v:0", "codec_name")).isEqualTo("h264");
        assertThat(FfmpegTool.packetTimes(out, "v:0")).isEqualTo(FfmpegTool.packetTimes(clip, "v:0"));
        assertThat(FfmpegTool.audioPacketDigests(out))
                .isEqualTo(FfmpegTool.audioPacketDigests(clip))
                .isNotEmpty();
        assertThat(r.sceneCuts()).isEqualTo(1);
        assertThat(Videos.readProvenance(out)).isPresent();
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".colorize-part"));
        }
        System.out.println(r + " " + FfmpegTool.streamEntry(out, "v:0", "avg_frame_rate"));
    }
}
