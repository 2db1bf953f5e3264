package io.github.colorize.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.ColorizeOptions;
import org.junit.jupiter.api.Test;

class VideoOptionsTest {

    @Test
    void defaultsStabilizeMarkAndTag() {
        VideoOptions d = VideoOptions.defaults();
        assertThat(d.stabilize()).isTrue();
        assertThat(d.colorizeOptions().watermark().enabled()).isTrue();
        assertThat(d.colorizeOptions().embedMetadata()).isTrue();
        assertThat(d.format()).isNull();
        assertThat(d.encoder()).isNull();
    }

    @Test
    void builderRoundTripsAndBlankNamesMeanAutomatic() {
        VideoOptions o = VideoOptions.builder()
                .colorizeOptions(ColorizeOptions.builder().chromaStrength(1.3).build())
                .stabilize(false)
                .format(" matroska ")
                .encoder("")
                .build();
        assertThat(o.format()).isEqualTo("matroska");
        assertThat(o.encoder()).isNull();
        assertThat(o.toBuilder().build()).isEqualTo(o).hasSameHashCodeAs(o);
        assertThat(o).isNotEqualTo(VideoOptions.defaults());
        assertThat(o.toString()).contains("stabilize=false", "matroska");
    }
}
