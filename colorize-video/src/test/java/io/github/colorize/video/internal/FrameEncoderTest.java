package io.github.colorize.video.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The encoder alone, feeding FFmpeg's "null" muxer: no file is written. */
class FrameEncoderTest {

    private static final Rational TIME_BASE = new Rational(1, 30000);
    private static final Rational FPS = new Rational(30000, 1001);

    private AVFormatContext out;

    @BeforeEach
    void muxer() {
        Ffmpeg.load();
        out = new AVFormatContext(null);
        try (BytePointer name = new BytePointer("null")) {
            assertThat(avformat.avformat_alloc_output_context2(out, null, name, (BytePointer) null))
                    .isGreaterThanOrEqualTo(0);
        }
    }

    @AfterEach
    void free() {
        avformat.avformat_free_context(out);
    }

    private static EncoderSettings settings(int w, int h, String encoder) {
        StreamColorSpace cs = StreamColorSpace.resolve(
                avutil.AVCOL_SPC_UNSPECIFIED, avutil.AVCOL_PRI_UNSPECIFIED, avutil.AVCOL_TRC_UNSPECIFIED, 0, h);
        return new EncoderSettings(w, h, TIME_BASE, FPS, new Rational(0, 1), cs, encoder);
    }

    @Test
    void keepsTimestampsStrictlyIncreasingAndStepsByOneFrame() throws Exception {
        List<Long> pts = new ArrayList<>();
        // Odd sizes: padded by one edge pixel for 4:2:0.
        try (FrameEncoder e =
                FrameEncoder.open(out, Path.of("film.mp4"), settings(33, 17, null), p -> pts.add(p.pts()))) {
            assertThat(e.name()).isIn(FrameEncoder.H264_ENCODERS);
            assertThat(e.nextPts()).isZero();
            int[] gray = new int[33 * 17];
            java.util.Arrays.fill(gray, 0x808080);
            e.write(gray, 5000);
            e.write(gray, 5000); // a repeated timestamp becomes the next tick
            assertThat(e.nextPts()).isEqualTo(5001 + 1001);
            e.write(gray, e.nextPts());
            e.flush();
        }
        assertThat(pts).containsExactlyInAnyOrder(5000L, 5001L, 6002L);
        assertThat(out.nb_streams()).isEqualTo(1);
        assertThat(out.streams(0).codecpar().width()).isEqualTo(34);
        assertThat(out.streams(0).codecpar().height()).isEqualTo(18);
    }

    @Test
    void anEncoderThatCannotBeHadIsATypedError() {
        assertThatThrownBy(
                        () -> FrameEncoder.open(out, Path.of("film.mp4"), settings(32, 16, "no-such-encoder"), p -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-encoder: not in this FFmpeg build");
    }
}
