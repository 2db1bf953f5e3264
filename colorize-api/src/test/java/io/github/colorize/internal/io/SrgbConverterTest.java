package io.github.colorize.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SrgbConverterTest {

    /** 16-bit samples, including values where rounding and truncation (v >> 8, v / 257) disagree. */
    static IntStream sixteenBitValues() {
        return IntStream.of(0, 1, 128, 129, 257, 385, 386, 25_800, 25_900, 32_767, 32_768, 65_407, 65_408, 65_535);
    }

    @ParameterizedTest
    @MethodSource("sixteenBitValues")
    void sixteenBitGrayIsRoundedToEightBits(int v) {
        BufferedImage gray16 = new BufferedImage(1, 1, BufferedImage.TYPE_USHORT_GRAY);
        gray16.getRaster().setSample(0, 0, 0, v);

        BufferedImage out = SrgbConverter.convert(gray16, false);

        int expected = (int) Math.round(v * 255.0 / 65535.0);
        assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(out.getRGB(0, 0) & 0xFFFFFF).isEqualTo(expected * 0x010101);
    }

    @Test
    void sixteenBitRgbIsRoundedPerChannel() {
        BufferedImage rgb16 = components16(3, false);
        rgb16.getRaster().setPixel(0, 0, new int[] {65_535, 25_900, 386});

        int px = SrgbConverter.convert(rgb16, false).getRGB(0, 0);

        assertThat(px & 0xFFFFFF).isEqualTo(0xFF << 16 | 101 << 8 | 2);
    }

    @Test
    void grayValuesAreCopiedNotGammaConverted() {
        BufferedImage gray = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setPixels(0, 0, 3, 1, new int[] {0, 100, 200});

        BufferedImage out = SrgbConverter.convert(gray, false);

        assertThat(TestImages.rgb24(out)).containsExactly(0, 100 * 0x010101, 200 * 0x010101);
    }

    @Test
    void grayAlphaIsFlattenedOntoWhiteOrKept() {
        BufferedImage ga = grayAlpha8();
        ga.getRaster().setPixels(0, 0, 3, 1, new int[] {0, 255, 0, 0, 100, 128});

        BufferedImage flat = SrgbConverter.convert(ga, false);
        BufferedImage kept = SrgbConverter.convert(ga, true);

        // 100·128/255 + 255·127/255 = 177.2 → 177
        assertThat(TestImages.rgb24(flat)).containsExactly(0, 0xFFFFFF, 177 * 0x010101);
        assertThat(kept.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(TestImages.rgb(kept)).containsExactly(0xFF000000, 0x00000000, 0x80646464);
    }

    @Test
    void paletteWithTransparencyIsLookedUp() {
        byte[] r = {(byte) 255, 0, 10};
        byte[] g = {0, (byte) 255, 20};
        byte[] b = {0, 0, 30};
        byte[] a = {(byte) 255, 0, (byte) 128};
        IndexColorModel icm = new IndexColorModel(2, 3, r, g, b, a);
        BufferedImage indexed = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_BINARY, icm);
        indexed.getRaster().setPixels(0, 0, 4, 1, new int[] {0, 1, 2, 3});

        BufferedImage flat = SrgbConverter.convert(indexed, false);
        BufferedImage kept = SrgbConverter.convert(indexed, true);

        int half = (10 * 128 + 255 * 127 + 127) / 255;
        int halfG = (20 * 128 + 255 * 127 + 127) / 255;
        int halfB = (30 * 128 + 255 * 127 + 127) / 255;
        assertThat(TestImages.rgb24(flat))
                .containsExactly(0xFF0000, 0xFFFFFF, half << 16 | halfG << 8 | halfB, 0x000000);
        assertThat(TestImages.rgb(kept)).containsExactly(0xFFFF0000, 0x0000FF00, 0x800A141E, 0xFF000000);
    }

    @Test
    void premultipliedAlphaIsUndoneOrFlattened() {
        BufferedImage pre = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB_PRE);
        pre.getRaster().setPixel(0, 0, new int[] {50, 25, 0, 128}); // stored premultiplied

        int kept = SrgbConverter.convert(pre, true).getRGB(0, 0);
        int flat = SrgbConverter.convert(pre, false).getRGB(0, 0);

        assertThat(kept).isEqualTo(0x80 << 24 | 100 << 16 | 50 << 8);
        // premultiplied c + 255 − a: 50 + 127 = 177, 25 + 127 = 152, 0 + 127 = 127
        assertThat(flat & 0xFFFFFF).isEqualTo(177 << 16 | 152 << 8 | 127);
    }

    @Test
    void packedFormatsAreScaledToEightBits() {
        BufferedImage rgb565 = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_565_RGB);
        rgb565.getRaster().setPixel(0, 0, new int[] {31, 63, 31});
        rgb565.getRaster().setPixel(1, 0, new int[] {16, 32, 1});
        BufferedImage bgr = new BufferedImage(1, 1, BufferedImage.TYPE_INT_BGR);
        bgr.getRaster().setPixel(0, 0, new int[] {1, 2, 3});

        assertThat(TestImages.rgb24(SrgbConverter.convert(rgb565, false)))
                .containsExactly(0xFFFFFF, 132 << 16 | 130 << 8 | 8);
        assertThat(SrgbConverter.convert(bgr, false).getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x010203);
    }

    @Test
    void otherColorSpacesGoThroughColorManagement() {
        ColorSpace linear = ColorSpace.getInstance(ColorSpace.CS_LINEAR_RGB);
        ComponentColorModel cm =
                new ComponentColorModel(linear, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        BufferedImage img = new BufferedImage(cm, cm.createCompatibleWritableRaster(2, 1), false, null);
        img.getRaster().setPixels(0, 0, 2, 1, new int[] {0, 0, 0, 255, 255, 255});

        BufferedImage out = SrgbConverter.convert(img, false);

        // Black and white stay black and white whatever the transfer curve.
        assertThat(TestImages.rgb24(out)[0]).isEqualTo(0);
        assertThat(TestImages.rgb24(out)[1] >> 8 & 0xFF).isGreaterThanOrEqualTo(250);
    }

    @Test
    void imagesAlreadyInTheTargetTypeAreReturnedAsIs() {
        BufferedImage rgb = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        BufferedImage argb = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);

        assertThat(SrgbConverter.convert(rgb, false)).isSameAs(rgb);
        assertThat(SrgbConverter.convert(rgb, true)).isSameAs(rgb);
        assertThat(SrgbConverter.convert(argb, true)).isSameAs(argb);
        assertThat(SrgbConverter.convert(argb, false).getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    }

    static Stream<Arguments> randomThreeByteImages() {
        Random random = new Random(42);
        return IntStream.range(0, 10).mapToObj(i -> {
            int w = 1 + random.nextInt(40);
            int h = 1 + random.nextInt(40);
            return Arguments.of(w, h, random.ints(w * h, 0, 1 << 24).toArray());
        });
    }

    /** The byte fast path agrees with Java2D's own conversion for the common JPEG layout (BGR bytes). */
    @ParameterizedTest
    @MethodSource("randomThreeByteImages")
    void threeByteBgrMatchesJava2d(int w, int h, int[] pixels) {
        BufferedImage bgr = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        bgr.setRGB(0, 0, w, h, pixels, 0, w);
        BufferedImage sub = bgr.getSubimage(w / 3, h / 3, w - w / 3, h - h / 3);

        assertThat(TestImages.rgb24(SrgbConverter.convert(bgr, false))).containsExactly(pixels);
        assertThat(TestImages.rgb24(SrgbConverter.convert(sub, false))).containsExactly(TestImages.rgb24(sub));
    }

    /** Large enough to run in parallel bands: every row lands in its own place. */
    @Test
    void largeByteImagesConvertInParallelBandsExactly() {
        Random random = new Random(7);
        int w = 700;
        int h = 500;
        int[] pixels = random.ints(w * h, 0, 1 << 24).toArray();
        BufferedImage bgr = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        bgr.setRGB(0, 0, w, h, pixels, 0, w);
        BufferedImage gray = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        int[] levels = random.ints(w * h, 0, 256).toArray();
        gray.getRaster().setPixels(0, 0, w, h, levels);

        // isEqualTo, not containsExactly: the latter is quadratic on arrays this long
        assertThat(TestImages.rgb24(SrgbConverter.convert(bgr, false))).isEqualTo(pixels);
        assertThat(TestImages.rgb24(SrgbConverter.convert(gray, false)))
                .isEqualTo(IntStream.of(levels).map(v -> v * 0x010101).toArray());
    }

    private static BufferedImage components16(int colors, boolean alpha) {
        ColorSpace cs = ColorSpace.getInstance(colors == 1 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        ComponentColorModel cm = new ComponentColorModel(
                cs, alpha, false, alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(1, 1);
        return new BufferedImage(cm, raster, false, null);
    }

    private static BufferedImage grayAlpha8() {
        ColorSpace cs = ColorSpace.getInstance(ColorSpace.CS_GRAY);
        ComponentColorModel cm =
                new ComponentColorModel(cs, true, false, Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        return new BufferedImage(cm, cm.createCompatibleWritableRaster(3, 1), false, null);
    }
}
