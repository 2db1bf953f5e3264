package io.github.colorize.internal.color;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenCvYuvTest {

    /** Reference-pipelines §8.5, last column, from OpenCV 4.6. */
    @ParameterizedTest
    @CsvSource({
        "255,0,0, 76,91,255",
        "0,255,0, 150,54,0",
        "0,0,255, 29,239,103",
        "255,255,255, 255,128,128",
        "0,0,0, 0,128,128",
        "128,128,128, 128,128,128",
        "10,10,10, 10,128,128",
        "200,150,100, 159,99,164",
        "50,100,200, 96,179,88"
    })
    void rgbToYuvMatchesOpenCv(int r, int g, int b, int y, int u, int v) {
        assertThat(OpenCvYuv.rgbToYuv(r << 16 | g << 8 | b)).isEqualTo(y << 16 | u << 8 | v);
    }

    @ParameterizedTest
    @CsvSource({"128,128,128, 128,128,128", "100,150,90, 57,113,145", "200,60,200, 255,185,62", "30,200,40, 0,53,176"})
    void yuvToRgbMatchesOpenCv(int y, int u, int v, int r, int g, int b) {
        assertThat(OpenCvYuv.yuvToRgb(y << 16 | u << 8 | v)).isEqualTo(r << 16 | g << 8 | b);
    }
}
