package io.github.colorize.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.remote.TestImages;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ResultDecoderTest {

    @Test
    void decodesAJpeg() throws Exception {
        byte[] jpeg = TestImages.encode(TestImages.colorful(32, 24), "jpg");
        ResultDecoder.Decoded d = ResultDecoder.decode(jpeg);
        assertThat(d.width()).isEqualTo(32);
        assertThat(d.height()).isEqualTo(24);
        assertThat(d.format()).isEqualTo("jpeg");
        assertThat(d.rgb()).hasSize(32 * 24);
    }

    @Test
    void refusesATruncatedJpegThatImageIoWouldFillWithGray() {
        byte[] jpeg = TestImages.encode(TestImages.grayScan(320, 240, 3), "jpg");
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length * 8 / 10);
        assertThatThrownBy(() -> ResultDecoder.decode(cut))
                .isInstanceOf(ResultDecoder.UnusableResultException.class)
                .hasMessageContaining("damaged or truncated");
    }

    @Test
    void refusesATruncatedPng() {
        byte[] png = TestImages.encode(TestImages.grayScan(64, 64, 3), "png");
        byte[] cut = Arrays.copyOf(png, png.length / 2);
        assertThatThrownBy(() -> ResultDecoder.decode(cut)).isInstanceOf(ResultDecoder.UnusableResultException.class);
    }

    @Test
    void refusesNonImagesAndEmptyAnswers() {
        assertThatThrownBy(() -> ResultDecoder.decode("<html>oops</html>".getBytes()))
                .hasMessageContaining("not an image");
        assertThatThrownBy(() -> ResultDecoder.decode(new byte[0])).hasMessageContaining("empty");
    }

    @Test
    void checksTheSizeFromTheHeaderBeforeDecoding() {
        assertThatThrownBy(() -> ResultDecoder.decode(TestImages.pngClaiming(20_000, 20_000)))
                .hasMessageContaining("20000x20000")
                .hasMessageContaining("over the limit");
    }
}
