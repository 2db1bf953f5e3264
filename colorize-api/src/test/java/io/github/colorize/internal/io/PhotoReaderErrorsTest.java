package io.github.colorize.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.ImageReadOptions;
import io.github.colorize.ImageTooLargeException;
import io.github.colorize.UndecodableImageException;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PhotoReaderErrorsTest {

    private static final ImageReadOptions DEFAULTS = ImageReadOptions.defaults();

    @TempDir
    Path dir;

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("grandma-1931.jpg");

        assertThatThrownBy(() -> PhotoReader.read(missing, DEFAULTS))
                .isInstanceOf(UndecodableImageException.class)
                .hasMessageContaining("grandma-1931.jpg")
                .hasMessageContaining("no such file")
                .satisfies(
                        e -> assertThat(((UndecodableImageException) e).file()).isEqualTo(missing));
    }

    @Test
    void emptyFileIsNamed() throws Exception {
        Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);

        assertThatThrownBy(() -> PhotoReader.read(empty, DEFAULTS))
                .isInstanceOf(UndecodableImageException.class)
                .hasMessageContaining("empty.png")
                .hasMessageContaining("empty");
    }

    @Test
    void nonImageFileIsNamed() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.jpg"), "Grandma, Brighton, summer 1931");

        assertThatThrownBy(() -> PhotoReader.read(text, DEFAULTS))
                .isInstanceOf(UndecodableImageException.class)
                .hasMessageContaining("notes.jpg")
                .hasMessageContaining("not an image")
                .hasMessageContaining("png");
    }

    static Stream<Arguments> truncatedFiles() {
        BufferedImage noisy = noise(120, 90);
        return Stream.of("jpeg", "png", "gif", "bmp", "tiff").flatMap(format -> {
            byte[] whole = "jpeg".equals(format) ? TestImages.jpegBestQuality(noisy) : TestImages.encode(noisy, format);
            return Stream.of(0.5, 0.9).map(f -> Arguments.of(format, Arrays.copyOf(whole, (int) (whole.length * f))));
        });
    }

    /** The JPEG decoder only warns about truncation and returns a half-gray picture; we refuse it. */
    @ParameterizedTest
    @MethodSource("truncatedFiles")
    void truncatedFilesAreRefused(String format, byte[] truncated) throws Exception {
        Path file = Files.write(dir.resolve("cut." + format), truncated);

        assertThatThrownBy(() -> PhotoReader.read(file, DEFAULTS))
                .isInstanceOf(UndecodableImageException.class)
                .hasMessageContaining("cut." + format);
    }

    @Test
    void truncatedJpegSaysSo() {
        byte[] jpeg = TestImages.jpegBestQuality(noise(200, 150));

        assertThatThrownBy(() ->
                        PhotoReader.decode(Path.of("scan.jpg"), Arrays.copyOf(jpeg, jpeg.length * 3 / 4), DEFAULTS))
                .isInstanceOf(UndecodableImageException.class)
                .hasMessageContaining("scan.jpg")
                .hasMessageContaining("truncated");
    }

    @Test
    void corruptDataIsRefused() {
        byte[] png = TestImages.encode(noise(64, 64), "png");
        byte[] corrupt = png.clone();
        for (int i = 60; i < corrupt.length - 20; i++) {
            corrupt[i] ^= 0x5A;
        }
        byte[] badHeader = Arrays.copyOf(png, 40);
        Arrays.fill(badHeader, 8, 40, (byte) 0xEE);

        assertThatThrownBy(() -> PhotoReader.decode(Path.of("damaged.png"), corrupt, DEFAULTS))
                .isInstanceOf(UndecodableImageException.class)
                .hasMessageContaining("damaged.png")
                .hasMessageContaining("PNG");
        assertThatThrownBy(() -> PhotoReader.decode(Path.of("header.png"), badHeader, DEFAULTS))
                .isInstanceOf(UndecodableImageException.class)
                .hasMessageContaining("header.png");
    }

    /** A 300-byte file whose header claims 100 000 × 100 000 pixels is refused before decoding. */
    @Test
    void headerClaimingAHugeSizeIsRefusedBeforeDecoding() throws Exception {
        byte[] small = TestImages.encode(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY), "png");
        Path bomb = Files.write(dir.resolve("bomb.png"), TestImages.withPngSize(small, 100_000, 100_000));

        assertThat(Files.size(bomb)).isLessThan(1000);
        assertThatThrownBy(() -> PhotoReader.read(bomb, DEFAULTS))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("bomb.png")
                .hasMessageContaining("100000x100000")
                .satisfies(e -> {
                    assertThat(((ImageTooLargeException) e).pixels()).isEqualTo(10_000_000_000L);
                    assertThat(((ImageTooLargeException) e).limit()).isEqualTo(ImageReadOptions.DEFAULT_MAX_PIXELS);
                    assertThat(((ImageTooLargeException) e).file()).isEqualTo(bomb);
                });
    }

    @Test
    void pixelLimitIsConfigurableAndInclusive() {
        byte[] png = TestImages.encode(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "png");
        byte[] jpeg = TestImages.fourComponentJpeg(TestImages.flatRaster(10, 10, 0, 0, 0, 0), 0);

        assertThat(PhotoReader.decode(null, png, DEFAULTS.withMaxPixels(100))
                        .image()
                        .getWidth())
                .isEqualTo(10);
        assertThatThrownBy(() -> PhotoReader.decode(null, png, DEFAULTS.withMaxPixels(99)))
                .isInstanceOf(ImageTooLargeException.class);
        assertThatThrownBy(() -> PhotoReader.decode(null, jpeg, DEFAULTS.withMaxPixels(99)))
                .as("the CMYK path checks too")
                .isInstanceOf(ImageTooLargeException.class);
    }

    static Stream<Arguments> randomGarbage() {
        Random random = new Random(1931);
        byte[] png = TestImages.encode(noise(16, 16), "png");
        byte[] jpeg = TestImages.jpegBestQuality(noise(16, 16));
        return Stream.iterate(0, i -> i < 60, i -> i + 1).map(i -> {
            byte[] b = (i % 2 == 0 ? png : jpeg).clone();
            for (int k = 0; k < 1 + random.nextInt(8); k++) {
                b[8 + random.nextInt(b.length - 8)] = (byte) random.nextInt(256);
            }
            return Arguments.of(b);
        });
    }

    /** Whatever damage a file has, the reader answers with an image or one of its typed errors. */
    @ParameterizedTest
    @MethodSource("randomGarbage")
    void damagedFilesGiveAnImageOrATypedError(byte[] damaged) {
        try {
            assertThat(PhotoReader.decode(Path.of("x.img"), damaged, DEFAULTS).image())
                    .isNotNull();
        } catch (UndecodableImageException e) {
            assertThat(e).hasMessageContaining("x.img");
        } catch (ImageTooLargeException e) {
            assertThat(e).hasMessageContaining("x.img");
        }
    }

    @Test
    void bytesWithoutAFileNameStillExplain() {
        assertThatThrownBy(() -> PhotoReader.decode(null, "plain text".getBytes(StandardCharsets.UTF_8), DEFAULTS))
                .isInstanceOf(UndecodableImageException.class)
                .hasMessageStartingWith("image: cannot decode");
    }

    private static BufferedImage noise(int w, int h) {
        Random random = new Random(w * 31L + h);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, random.ints(w * h).toArray(), 0, w);
        return img;
    }
}
