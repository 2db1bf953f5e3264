package io.github.colorize.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExifOrientationTest {

    static Stream<Arguments> valuesAndOrders() {
        return IntStream.rangeClosed(1, 8)
                .boxed()
                .flatMap(o ->
                        Stream.of(Arguments.of(o, ByteOrder.LITTLE_ENDIAN), Arguments.of(o, ByteOrder.BIG_ENDIAN)));
    }

    @ParameterizedTest
    @MethodSource("valuesAndOrders")
    void readsEveryValueInBothByteOrders(int orientation, ByteOrder order) {
        byte[] tiff = TestImages.tiffWithOrientation(orientation, order);

        assertThat(ExifOrientation.fromTiff(tiff, 0, tiff.length)).isEqualTo(orientation);
        assertThat(ExifOrientation.of(tiff)).as("a whole TIFF file").isEqualTo(orientation);
    }

    @ParameterizedTest
    @MethodSource("valuesAndOrders")
    void findsTheTagInJpegApp1(int orientation, ByteOrder order) {
        byte[] jpeg = TestImages.encode(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpeg");
        byte[] xmp = {(byte) 0xFF, (byte) 0xE1, 0, 8, 'h', 't', 't', 'p', ':', '/'}; // an APP1 that is not Exif
        byte[] withExif = TestImages.spliceAfterSoi(
                jpeg, TestImages.exifSegment(TestImages.tiffWithOrientation(orientation, order)));

        assertThat(ExifOrientation.of(TestImages.spliceAfterSoi(withExif, xmp))).isEqualTo(orientation);
    }

    @Test
    void findsTheTagInPngExifChunkWithOrWithoutPrefix() {
        byte[] png = TestImages.encode(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png");
        byte[] tiff = TestImages.tiffWithOrientation(6, ByteOrder.BIG_ENDIAN);
        byte[] prefixed = ByteBuffer.allocate(6 + tiff.length)
                .put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1))
                .put(tiff)
                .array();

        assertThat(ExifOrientation.of(TestImages.insertAfterIhdr(png, TestImages.pngChunk("eXIf", tiff))))
                .isEqualTo(6);
        assertThat(ExifOrientation.of(TestImages.insertAfterIhdr(png, TestImages.pngChunk("eXIf", prefixed))))
                .isEqualTo(6);
        assertThat(ExifOrientation.of(png)).isEqualTo(1);
    }

    @Test
    void outOfRangeValuesAndWrongTypesMeanNormal() {
        for (int bad : new int[] {0, 9, 0xFFFF}) {
            byte[] tiff = TestImages.tiffWithOrientation(bad, ByteOrder.LITTLE_ENDIAN);
            assertThat(ExifOrientation.fromTiff(tiff, 0, tiff.length))
                    .as("value %d", bad)
                    .isEqualTo(1);
        }
        byte[] asciiType = TestImages.tiffWithOrientation(6, ByteOrder.LITTLE_ENDIAN);
        asciiType[8 + 2 + 12 + 2] = 2; // type ASCII instead of SHORT
        assertThat(ExifOrientation.fromTiff(asciiType, 0, asciiType.length)).isEqualTo(1);
    }

    @Test
    void offsetsPointingOutsideTheBlockMeanNormal() {
        byte[] tiff = TestImages.tiffWithOrientation(6, ByteOrder.BIG_ENDIAN);
        byte[] farIfd = tiff.clone();
        ByteBuffer.wrap(farIfd).putInt(4, Integer.MAX_VALUE);
        byte[] hugeCount = tiff.clone();
        ByteBuffer.wrap(hugeCount).putShort(8, (short) 0xFFFF);

        assertThat(ExifOrientation.fromTiff(farIfd, 0, farIfd.length)).isEqualTo(1);
        assertThat(ExifOrientation.fromTiff(tiff, 0, 20))
                .as("cut inside the IFD")
                .isEqualTo(1);
        assertThat(ExifOrientation.fromTiff(tiff, 4, tiff.length))
                .as("block past the array")
                .isEqualTo(1);
        // A count larger than the block is clamped to the entries that fit; both real entries fit.
        assertThat(ExifOrientation.fromTiff(hugeCount, 0, hugeCount.length)).isEqualTo(6);
    }

    static Stream<Arguments> damagedBlocks() {
        Random random = new Random(7);
        byte[] good = TestImages.tiffWithOrientation(3, ByteOrder.LITTLE_ENDIAN);
        return IntStream.range(0, 200).mapToObj(i -> {
            byte[] b = Arrays.copyOf(good, 1 + random.nextInt(good.length + 8));
            for (int k = random.nextInt(4); k >= 0; k--) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            return Arguments.of(b);
        });
    }

    /** Damaged blocks never throw and never yield a value outside 1..8. */
    @ParameterizedTest
    @MethodSource("damagedBlocks")
    void damagedBlocksAreHarmless(byte[] block) {
        assertThat(ExifOrientation.fromTiff(block, 0, block.length)).isBetween(1, 8);
        byte[] jpeg = TestImages.spliceAfterSoi(new byte[] {(byte) 0xFF, (byte) 0xD8}, TestImages.exifSegment(block));
        assertThat(ExifOrientation.of(jpeg)).isBetween(1, 8);
    }

    @Test
    void otherBytesMeanNormal() {
        assertThat(ExifOrientation.of(new byte[0])).isEqualTo(1);
        assertThat(ExifOrientation.of("GIF89a".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo(1);
    }
}
