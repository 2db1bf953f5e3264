package io.github.colorize.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.internal.image.PillowResample.Filter;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Invariants every resampler must keep: constants stay constant, same size is a copy. */
class ResamplingSanityTest {

    @ParameterizedTest
    @CsvSource({"37,23,16,11", "37,23,80,50", "5,3,1,1", "1,1,9,4", "12,12,12,7"})
    void constantImagesStayConstant(int w, int h, int nw, int nh) {
        int[] rgb = new int[w * h];
        Arrays.fill(rgb, 0x7F10E0);
        for (Filter f : Filter.values()) {
            assertThat(PillowResample.resizeRgb(rgb, w, h, nw, nh, f))
                    .hasSize(nw * nh)
                    .containsOnly(0x7F10E0);
            byte[] g = new byte[w * h];
            Arrays.fill(g, (byte) 200);
            assertThat(PillowResample.resizeGray(g, w, h, nw, nh, f))
                    .hasSize(nw * nh)
                    .containsOnly((byte) 200);
        }
        assertThat(OpenCvResize.linearRgb8(rgb, w, h, nw, nh)).containsOnly(0x7F10E0);
        float[] plane = new float[w * h];
        Arrays.fill(plane, 0.25f);
        assertThat(OpenCvResize.linear(plane, w, h, nw, nh)).containsOnly(0.25f);
        assertThat(TorchInterpolate.bilinear(plane, w, h, nw, nh)).containsOnly(0.25f);
        assertThat(TorchInterpolate.nearest(plane, w, h, nw, nh)).containsOnly(0.25f);
    }

    @ParameterizedTest
    @CsvSource({"7,5", "1,1"})
    void sameSizeIsACopy(int w, int h) {
        int[] rgb = new int[w * h];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = i * 0x010203;
        }
        int[] out = PillowResample.resizeRgb(rgb, w, h, w, h, Filter.BICUBIC);
        assertThat(out).containsExactly(rgb).isNotSameAs(rgb);
    }
}
