package io.github.colorize.video.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.Test;

class FfmpegErrorsTest {

    @Test
    void operatingSystemFailuresAreToldApartFromDamagedData() {
        assertThat(FfmpegErrors.isSystemError(-5)).as("EIO").isTrue();
        assertThat(FfmpegErrors.isSystemError(-110)).as("ETIMEDOUT").isTrue();
        assertThat(FfmpegErrors.isSystemError(FfmpegErrors.EAGAIN))
                .as("EAGAIN: try again")
                .isFalse();
        assertThat(FfmpegErrors.isSystemError(avutil.AVERROR_EOF)).isFalse();
        assertThat(FfmpegErrors.isSystemError(avutil.AVERROR_INVALIDDATA())).isFalse();
        assertThat(FfmpegErrors.isSystemError(0)).isFalse();
    }
}
