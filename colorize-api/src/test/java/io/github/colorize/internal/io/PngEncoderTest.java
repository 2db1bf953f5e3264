package io.github.colorize.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PngEncoderTest {

    static Stream<Arguments> layouts() {
        List<Arguments> cases = new ArrayList<>();
        int[] types = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_BYTE_GRAY};
        int[][] sizes = {{1, 1}, {1, 40}, {57, 33}, {200, 3}};
        for (int type : types) {
            for (int[] size : sizes) {
                for (int rows : new int[] {1, 7, 1000}) {
                    cases.add(Arguments.of(type, size[0], size[1], rows));
                }
            }
        }
        return cases.stream();
    }

    /** Lossless in every layout and stripe height: ImageIO reads back exactly the pixels written. */
    @ParameterizedTest
    @MethodSource("layouts")
    void readsBackExactly(int type, int w, int h, int rows) throws IOException {
        BufferedImage img = image(w, h, type, w * 131L + h);

        BufferedImage back = ImageIO.read(new ByteArrayInputStream(encode(img, rows)));

        assertThat(back.getWidth()).isEqualTo(w);
        assertThat(back.getHeight()).isEqualTo(h);
        assertThat(back.getColorModel().hasAlpha()).isEqualTo(type == BufferedImage.TYPE_INT_ARGB);
        assertThat(back.getColorModel().getNumColorComponents())
                .isEqualTo(type == BufferedImage.TYPE_BYTE_GRAY ? 1 : 3);
        if (type == BufferedImage.TYPE_BYTE_GRAY) {
            assertThat(back.getRaster().getPixels(0, 0, w, h, (int[]) null))
                    .isEqualTo(img.getRaster().getPixels(0, 0, w, h, (int[]) null));
        } else {
            assertThat(pixels(back)).isEqualTo(pixels(img));
        }
    }

    @Test
    void subImagesAndWrappedArraysAreReadFromTheirOwnWindow() throws IOException {
        BufferedImage img = image(90, 70, BufferedImage.TYPE_INT_RGB, 3);
        BufferedImage sub = img.getSubimage(13, 21, 50, 40);
        BufferedImage gray = image(90, 70, BufferedImage.TYPE_BYTE_GRAY, 4).getSubimage(5, 6, 30, 20);

        assertThat(pixels(ImageIO.read(new ByteArrayInputStream(encode(sub, 9)))))
                .isEqualTo(pixels(sub));
        assertThat(ImageIO.read(new ByteArrayInputStream(encode(gray, 9)))
                        .getRaster()
                        .getPixels(0, 0, 30, 20, (int[]) null))
                .isEqualTo(gray.getRaster().getPixels(0, 0, 30, 20, (int[]) null));
    }

    /** The file's structure: IHDR, one IDAT per stripe holding one zlib stream with a valid trailer, IEND. */
    @Test
    void stripesFormOneZlibStreamWithCorrectChecksums() throws IOException, DataFormatException {
        BufferedImage img = image(64, 50, BufferedImage.TYPE_INT_RGB, 5);
        byte[] png = encode(img, 8);

        ByteBuffer b = ByteBuffer.wrap(png, 8, png.length - 8);
        List<String> types = new ArrayList<>();
        ByteArrayOutputStream zlib = new ByteArrayOutputStream();
        while (b.hasRemaining()) {
            int length = b.getInt();
            byte[] typeAndData = new byte[4 + length];
            b.get(typeAndData);
            CRC32 crc = new CRC32();
            crc.update(typeAndData);
            assertThat(b.getInt()).isEqualTo((int) crc.getValue());
            String type = new String(typeAndData, 0, 4, StandardCharsets.ISO_8859_1);
            types.add(type);
            if (type.equals("IDAT")) {
                zlib.write(typeAndData, 4, length);
            }
        }
        assertThat(types).containsExactly("IHDR", "IDAT", "IDAT", "IDAT", "IDAT", "IDAT", "IDAT", "IDAT", "IEND");
        // Inflater in zlib mode checks the header and the Adler-32 trailer of the whole stream.
        Inflater inflater = new Inflater();
        inflater.setInput(zlib.toByteArray());
        byte[] raw = new byte[50 * (1 + 64 * 3) + 1];
        assertThat(inflater.inflate(raw)).isEqualTo(50 * (1 + 64 * 3));
        assertThat(inflater.finished()).isTrue();
        assertThat(inflater.getRemaining()).isZero();
    }

    @Test
    void stripeRowsAreAFewPerThreadButNotTiny() {
        int stride = 1 + 4000 * 3;
        assertThat(PngEncoder.stripeRows(stride, 3000, 2)).isEqualTo(375);
        assertThat(PngEncoder.stripeRows(stride, 3000, 64))
                .as("at least 256 KiB")
                .isEqualTo(22);
        assertThat(PngEncoder.stripeRows(stride, 10, 2)).isEqualTo(10);
        assertThat(PngEncoder.stripeRows(1 << 20, 3000, 2)).isEqualTo(375);
    }

    static byte[] encode(BufferedImage img, int rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngEncoder.encode(img, out, rows);
        return out.toByteArray();
    }

    /** Gradients, flat areas and noise, so that every filter gets chosen somewhere. */
    static BufferedImage image(int w, int h, int type, long seed) {
        Random random = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            int band = y % 4;
            for (int x = 0; x < w; x++) {
                int rgb = switch (band) {
                    case 0 -> 0x336699; // flat
                    case 1 -> (x * 3 & 0xFF) << 16 | (y * 5 & 0xFF) << 8 | (x + y & 0xFF); // gradients
                    default -> random.nextInt(1 << 24); // noise
                };
                int alpha = type == BufferedImage.TYPE_INT_ARGB ? random.nextInt(256) : 255;
                img.setRGB(x, y, alpha << 24 | rgb);
            }
        }
        return img;
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
