package io.github.colorize.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.ImageReadOptions;
import io.github.colorize.SourceImage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PhotoReaderTest {

    private static final ImageReadOptions DEFAULTS = ImageReadOptions.defaults();

    @TempDir
    Path dir;

    static Stream<Arguments> losslessFormats() {
        return Stream.of(
                Arguments.of("png", "png", BufferedImage.TYPE_INT_RGB),
                Arguments.of("bmp", "bmp", BufferedImage.TYPE_3BYTE_BGR),
                Arguments.of("tiff", "tif", BufferedImage.TYPE_INT_RGB),
                Arguments.of("gif", "gif", BufferedImage.TYPE_BYTE_INDEXED));
    }

    @ParameterizedTest
    @MethodSource("losslessFormats")
    void readsLosslessFormatsExactly(String writerFormat, String formatName, int type) throws Exception {
        BufferedImage original = quadrants(new BufferedImage(16, 12, type));
        Path file = dir.resolve("photo." + writerFormat);
        Files.write(file, TestImages.encode(original, writerFormat));

        SourceImage read = PhotoReader.read(file, DEFAULTS);

        assertThat(read.format()).isEqualTo(formatName);
        assertThat(read.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(TestImages.rgb24(read.image())).containsExactly(TestImages.rgb24(original));
        assertThat(read.sha256()).isEqualTo(Sha256.of(Files.readAllBytes(file)));
    }

    @Test
    void readsJpegAndGrayJpegAndWbmp() {
        BufferedImage color = quadrants(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB));
        BufferedImage gray = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSamples(0, 0, 8, 8, 0, filled(64, 90));
        BufferedImage binary = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_BINARY);
        binary.getRaster().setSample(3, 3, 0, 1);

        SourceImage jpeg = PhotoReader.decode(null, TestImages.jpegBestQuality(color), DEFAULTS);
        SourceImage grayJpeg = PhotoReader.decode(null, TestImages.encode(gray, "jpeg"), DEFAULTS);
        SourceImage wbmp = PhotoReader.decode(null, TestImages.encode(binary, "wbmp"), DEFAULTS);

        assertThat(jpeg.format()).isEqualTo("jpeg");
        assertClose(jpeg.image().getRGB(4, 4), 0xC03020, 3);
        assertClose(jpeg.image().getRGB(28, 28), 0x2040E0, 3);
        assertThat(grayJpeg.image().getRGB(2, 2) & 0xFFFFFF).isEqualTo(90 * 0x010101);
        assertThat(wbmp.image().getRGB(3, 3) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(wbmp.image().getRGB(0, 0) & 0xFFFFFF).isZero();
    }

    @Test
    void readsSixteenBitPngAndTiffWithRounding() {
        BufferedImage gray16 = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        gray16.getRaster().setSamples(0, 0, 2, 1, 0, new int[] {25_900, 65_535}); // 100.78 → 101, 255

        for (String format : new String[] {"png", "tiff"}) {
            SourceImage read = PhotoReader.decode(null, TestImages.encode(gray16, format), DEFAULTS);
            assertThat(TestImages.rgb24(read.image())).as(format).containsExactly(101 * 0x010101, 0xFFFFFF);
        }
    }

    @Test
    void readsGrayAlphaAndSixteenBitRgbPng() {
        ColorSpace gray = ColorSpace.getInstance(ColorSpace.CS_GRAY);
        ComponentColorModel gaModel =
                new ComponentColorModel(gray, true, false, Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        BufferedImage ga = new BufferedImage(gaModel, gaModel.createCompatibleWritableRaster(2, 1), false, null);
        ga.getRaster().setPixels(0, 0, 2, 1, new int[] {60, 255, 60, 0});
        ColorSpace srgb = ColorSpace.getInstance(ColorSpace.CS_sRGB);
        ComponentColorModel rgb16Model =
                new ComponentColorModel(srgb, false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        BufferedImage rgb16 =
                new BufferedImage(rgb16Model, rgb16Model.createCompatibleWritableRaster(1, 1), false, null);
        rgb16.getRaster().setPixel(0, 0, new int[] {65_535, 25_900, 386});

        SourceImage flat = PhotoReader.decode(null, TestImages.encode(ga, "png"), DEFAULTS);
        SourceImage kept = PhotoReader.decode(null, TestImages.encode(ga, "png"), DEFAULTS.withKeepAlpha(true));
        SourceImage deep = PhotoReader.decode(null, TestImages.encode(rgb16, "png"), DEFAULTS);

        assertThat(TestImages.rgb24(flat.image())).containsExactly(60 * 0x010101, 0xFFFFFF);
        assertThat(TestImages.rgb(kept.image())).containsExactly(0xFF3C3C3C, 0x003C3C3C);
        assertThat(deep.image().getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF << 16 | 101 << 8 | 2);
    }

    @Test
    void readsPalettePngWithTransparencyFlattenedOrKept() {
        byte[] r = {(byte) 200, 0};
        byte[] g = {100, 0};
        byte[] b = {50, 0};
        byte[] a = {(byte) 255, 0};
        BufferedImage indexed =
                new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 2, r, g, b, a));
        indexed.getRaster().setSamples(0, 0, 2, 1, 0, new int[] {0, 1});
        byte[] png = TestImages.encode(indexed, "png");

        SourceImage flat = PhotoReader.decode(null, png, DEFAULTS);
        SourceImage kept = PhotoReader.decode(null, png, DEFAULTS.withKeepAlpha(true));

        assertThat(TestImages.rgb24(flat.image())).containsExactly(0xC86432, 0xFFFFFF);
        assertThat(kept.image().getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(kept.image().getRGB(0, 0)).isEqualTo(0xFFC86432);
        assertThat(kept.image().getRGB(1, 0) >>> 24).isZero();
    }

    @Test
    void readsArgbPngFlattenedOntoWhiteByDefault() {
        BufferedImage argb = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x00123456);

        SourceImage flat = PhotoReader.decode(null, TestImages.encode(argb, "png"), DEFAULTS);
        SourceImage kept = PhotoReader.decode(null, TestImages.encode(argb, "png"), DEFAULTS.withKeepAlpha(true));

        assertThat(flat.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(flat.image().getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(kept.image().getRGB(0, 0)).isEqualTo(0x00123456);
    }

    @Test
    void readsCmykAndYcckJpegs() {
        int[] ink = {30, 120, 200, 40}; // (255 − ink)(255 − K)/255 → RGB (190, 114, 46)
        int y = (int) Math.round(0.299 * ink[0] + 0.587 * ink[1] + 0.114 * ink[2]);
        int cb = (int) Math.round(-0.168736 * ink[0] - 0.331264 * ink[1] + 0.5 * ink[2] + 128);
        int cr = (int) Math.round(0.5 * ink[0] - 0.418688 * ink[1] - 0.081312 * ink[2] + 128);
        byte[] adobe = TestImages.fourComponentJpeg(TestImages.flatRaster(16, 16, 225, 135, 55, 215), 0);
        byte[] plain = TestImages.fourComponentJpeg(TestImages.flatRaster(16, 16, ink), -1);
        byte[] ycck = TestImages.fourComponentJpeg(TestImages.flatRaster(16, 16, y, cb, cr, 215), 2);

        for (byte[] jpeg : new byte[][] {adobe, plain, ycck}) {
            SourceImage read = PhotoReader.decode(null, jpeg, DEFAULTS);
            assertThat(read.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
            assertClose(read.image().getRGB(8, 8), 190 << 16 | 114 << 8 | 46, 3);
        }
    }

    private static BufferedImage quadrants(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        int w = img.getWidth();
        int h = img.getHeight();
        g.setColor(new Color(0xC03020));
        g.fillRect(0, 0, w / 2, h / 2);
        g.setColor(new Color(0x30C040));
        g.fillRect(w / 2, 0, w - w / 2, h / 2);
        g.setColor(new Color(0xF0E0D0));
        g.fillRect(0, h / 2, w / 2, h - h / 2);
        g.setColor(new Color(0x2040E0));
        g.fillRect(w / 2, h / 2, w - w / 2, h - h / 2);
        g.dispose();
        return img;
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }

    static void assertClose(int actual, int expected, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            assertThat(actual >> shift & 0xFF)
                    .as("channel at bit %d of %06X vs %06X", shift, actual & 0xFFFFFF, expected)
                    .isCloseTo(expected >> shift & 0xFF, Offset.offset(tolerance));
        }
    }
}
