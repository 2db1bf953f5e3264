package io.github.colorize.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.ImageReadOptions;
import io.github.colorize.SourceImage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PhotoReaderOrientationTest {

    private static final int RED = 0xE02020;
    private static final int GREEN = 0x20C020;
    private static final int BLUE = 0x2020E0;
    private static final int WHITE = 0xF0F0F0;

    /**
     * A 32×16 photo stored as red | green over blue | white, and where each colour must appear in the
     * displayed image (top-left, top-right, bottom-left, bottom-right), per the EXIF specification.
     */
    static Stream<Arguments> orientations() {
        return Stream.of(
                Arguments.of(1, new int[] {RED, GREEN, BLUE, WHITE}),
                Arguments.of(2, new int[] {GREEN, RED, WHITE, BLUE}),
                Arguments.of(3, new int[] {WHITE, BLUE, GREEN, RED}),
                Arguments.of(4, new int[] {BLUE, WHITE, RED, GREEN}),
                Arguments.of(5, new int[] {RED, BLUE, GREEN, WHITE}),
                Arguments.of(6, new int[] {BLUE, RED, WHITE, GREEN}),
                Arguments.of(7, new int[] {WHITE, GREEN, BLUE, RED}),
                Arguments.of(8, new int[] {GREEN, WHITE, RED, BLUE}));
    }

    @ParameterizedTest
    @MethodSource("orientations")
    void jpegExifOrientationIsApplied(int orientation, int[] corners) {
        ByteOrder order = orientation % 2 == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] jpeg = TestImages.spliceAfterSoi(
                TestImages.jpegBestQuality(stored()),
                TestImages.exifSegment(TestImages.tiffWithOrientation(orientation, order)));

        BufferedImage shown =
                PhotoReader.decode(null, jpeg, ImageReadOptions.defaults()).image();

        assertCorners(shown, orientation >= 5, corners);
    }

    @ParameterizedTest
    @MethodSource("orientations")
    void pngExifChunkIsApplied(int orientation, int[] corners) {
        byte[] png = TestImages.insertAfterIhdr(
                TestImages.encode(stored(), "png"),
                TestImages.pngChunk("eXIf", TestImages.tiffWithOrientation(orientation, ByteOrder.BIG_ENDIAN)));

        BufferedImage shown =
                PhotoReader.decode(null, png, ImageReadOptions.defaults()).image();

        assertCorners(shown, orientation >= 5, corners);
    }

    @Test
    void orientationCanBeIgnored() {
        byte[] jpeg = TestImages.spliceAfterSoi(
                TestImages.jpegBestQuality(stored()),
                TestImages.exifSegment(TestImages.tiffWithOrientation(6, ByteOrder.BIG_ENDIAN)));
        ImageReadOptions raw = new ImageReadOptions(ImageReadOptions.DEFAULT_MAX_PIXELS, false, false);

        SourceImage read = PhotoReader.decode(null, jpeg, raw);

        assertCorners(read.image(), false, new int[] {RED, GREEN, BLUE, WHITE});
    }

    @Test
    void cmykJpegIsOrientedToo() {
        byte[] jpeg = TestImages.spliceAfterSoi(
                TestImages.fourComponentJpeg(TestImages.flatRaster(24, 8, 0, 0, 0, 0), -1),
                TestImages.exifSegment(TestImages.tiffWithOrientation(8, ByteOrder.LITTLE_ENDIAN)));

        BufferedImage shown =
                PhotoReader.decode(null, jpeg, ImageReadOptions.defaults()).image();

        assertThat(shown.getWidth()).isEqualTo(8);
        assertThat(shown.getHeight()).isEqualTo(24);
    }

    private static BufferedImage stored() {
        BufferedImage img = new BufferedImage(32, 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        int[] colors = {RED, GREEN, BLUE, WHITE};
        IntStream.range(0, 4).forEach(q -> {
            g.setColor(new Color(colors[q]));
            g.fillRect(q % 2 * 16, q / 2 * 8, 16, 8);
        });
        g.dispose();
        return img;
    }

    private static void assertCorners(BufferedImage shown, boolean swapped, int[] corners) {
        assertThat(shown.getWidth()).isEqualTo(swapped ? 16 : 32);
        assertThat(shown.getHeight()).isEqualTo(swapped ? 32 : 16);
        int w = shown.getWidth();
        int h = shown.getHeight();
        int[][] at = {{2, 2}, {w - 3, 2}, {2, h - 3}, {w - 3, h - 3}};
        for (int i = 0; i < 4; i++) {
            PhotoReaderTest.assertClose(shown.getRGB(at[i][0], at[i][1]), corners[i], 12);
        }
    }
}
