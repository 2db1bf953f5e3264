package io.github.colorize.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JpegSegmentsTest {

    @Test
    void findsComponentsAdobeTransformAndExif() {
        byte[] rgb = TestImages.encode(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpeg");
        byte[] gray = TestImages.encode(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "jpeg");
        byte[] ycck = TestImages.fourComponentJpeg(TestImages.flatRaster(8, 8, 1, 2, 3, 4), 2);
        byte[] tiff = TestImages.tiffWithOrientation(3, ByteOrder.BIG_ENDIAN);
        byte[] withExif = TestImages.spliceAfterSoi(rgb, TestImages.exifSegment(tiff));

        assertThat(JpegSegments.scan(rgb)).isEqualTo(new JpegSegments(3, JpegSegments.NO_ADOBE_MARKER, -1, 0));
        assertThat(JpegSegments.scan(gray).components()).isEqualTo(1);
        assertThat(JpegSegments.scan(ycck).components()).isEqualTo(4);
        assertThat(JpegSegments.scan(ycck).adobeTransform()).isEqualTo(JpegSegments.ADOBE_YCCK);
        JpegSegments exif = JpegSegments.scan(withExif);
        assertThat(exif.exifOffset()).isEqualTo(2 + 4 + 6);
        assertThat(exif.exifLength()).isEqualTo(tiff.length);
        assertThat(Arrays.copyOfRange(withExif, exif.exifOffset(), exif.exifOffset() + exif.exifLength()))
                .isEqualTo(tiff);
    }

    @Test
    void otherFilesHaveNothing() {
        byte[] png = TestImages.encode(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png");

        assertThat(JpegSegments.isJpeg(png)).isFalse();
        assertThat(JpegSegments.scan(png).components()).isZero();
        assertThat(JpegSegments.scan(new byte[] {(byte) 0xFF, (byte) 0xD8}).components())
                .isZero();
    }

    static Stream<Arguments> damagedHeaders() {
        Random random = new Random(99);
        byte[] jpeg = TestImages.spliceAfterSoi(
                TestImages.fourComponentJpeg(TestImages.flatRaster(8, 8, 1, 2, 3, 4), 0),
                TestImages.exifSegment(TestImages.tiffWithOrientation(6, ByteOrder.BIG_ENDIAN)));
        return IntStream.range(0, 100).mapToObj(i -> {
            byte[] b = Arrays.copyOf(jpeg, 2 + random.nextInt(jpeg.length));
            for (int k = random.nextInt(5); k > 0; k--) {
                b[2 + random.nextInt(b.length - 2)] = (byte) random.nextInt(256);
            }
            return Arguments.of(b);
        });
    }

    /** Damaged or cut headers never throw, and an EXIF block found always lies inside the file. */
    @ParameterizedTest
    @MethodSource("damagedHeaders")
    void damagedHeadersAreHarmless(byte[] damaged) {
        JpegSegments s = JpegSegments.scan(damaged);

        if (s.exifOffset() >= 0) {
            assertThat((long) s.exifOffset() + s.exifLength()).isLessThanOrEqualTo(damaged.length);
        }
        assertThat(s.components()).isBetween(0, 255);
    }
}
