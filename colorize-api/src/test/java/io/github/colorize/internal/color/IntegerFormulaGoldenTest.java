package io.github.colorize.internal.color;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 4,096 seeded random colours through Pillow's luma and OpenCV's YUV, value by value. */
class IntegerFormulaGoldenTest {

    private static GoldenFile golden;
    private static int[] rgb;

    @BeforeAll
    static void load() {
        golden = GoldenFile.load("integer-formulas.bin.gz");
        rgb = golden.ints("rgb");
    }

    @Test
    void pillowLuma() {
        assertThat(PillowLuma.luma(rgb)).containsExactly(golden.bytes("luma"));
    }

    @Test
    void openCvRgbToYuv() {
        assertThat(OpenCvYuv.rgbToYuv(rgb)).containsExactly(golden.ints("rgb2yuv"));
    }

    @Test
    void openCvYuvToRgb() {
        // the same random bytes, read as Y, U, V
        assertThat(OpenCvYuv.yuvToRgb(rgb)).containsExactly(golden.ints("yuv2rgb"));
    }
}
