package io.github.colorize.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JpegStripeEncoderTest {

    static Stream<Arguments> layouts() {
        List<Arguments> cases = new ArrayList<>();
        int[] types = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY};
        // sizes: MCU-aligned, ragged on both axes, one pixel wide, a last stripe of one row
        int[][] sizes = {{64, 64}, {77, 101}, {1, 50}, {130, 49}};
        for (int type : types) {
            for (int[] size : sizes) {
                for (int rows : new int[] {16, 32, 48}) {
                    cases.add(Arguments.of(type, size[0], size[1], rows));
                }
            }
        }
        return cases.stream();
    }

    /** The joined file decodes to exactly the pixels of one whole-image encode, for every layout. */
    @ParameterizedTest
    @MethodSource("layouts")
    void stripesDecodeToTheWholeImageEncodesPixels(int type, int w, int h, int rows) throws IOException {
        BufferedImage img = photoLike(w, h, type, w * 31L + h);

        byte[] striped = striped(img, rows);
        byte[] whole = JpegStripeEncoder.encodeWhole(img, 0.92f);

        assertThat(pixels(decode(striped))).isEqualTo(pixels(decode(whole)));
    }

    @Test
    void theJoinedFileHasOneFrameARestartIntervalAndCyclingRestartMarkers() throws IOException {
        BufferedImage img = photoLike(100, 16 * 10 + 5, BufferedImage.TYPE_INT_RGB, 5);

        byte[] jpeg = striped(img, 16);

        List<Integer> markers = markersAfterScan(jpeg);
        // 11 stripes: RST0..RST7, RST0, RST1 between them, then EOI
        assertThat(markers).containsExactly(0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD0, 0xD1, 0xD9);
        int dri = indexOf(jpeg, 0xDD);
        assertThat(dri).isPositive();
        // 4:2:0 colour: 16×16 MCUs, so 7 per row and one MCU row per 16-pixel stripe
        assertThat(((jpeg[dri + 4] & 0xFF) << 8) | (jpeg[dri + 5] & 0xFF)).isEqualTo(7);
        BufferedImage back = decode(jpeg);
        assertThat(back.getWidth()).isEqualTo(100);
        assertThat(back.getHeight()).isEqualTo(165);
    }

    @Test
    void grayCountsBlocksInItsRestartInterval() throws IOException {
        byte[] jpeg = striped(photoLike(100, 40, BufferedImage.TYPE_BYTE_GRAY, 6), 16);
        int dri = indexOf(jpeg, 0xDD);
        // one component: an MCU is one 8×8 block, 13 per row, two block rows per stripe
        assertThat(((jpeg[dri + 4] & 0xFF) << 8) | (jpeg[dri + 5] & 0xFF)).isEqualTo(26);
    }

    @Test
    void anImageOfOneStripeIsTheWholeImageEncodeByteForByte() throws IOException {
        BufferedImage img = photoLike(40, 30, BufferedImage.TYPE_INT_RGB, 7);
        assertThat(striped(img, 32))
                .isEqualTo(JpegStripeEncoder.encodeWhole(JpegStripeEncoder.stripe(img, 0, 30), 0.92f));
    }

    @Test
    void stripesAreWholeMcuRowsAndFitTheRestartIntervalField() {
        assertThatThrownBy(
                        () -> JpegStripeEncoder.encode(photoLike(8, 64, 1, 1), 0.9f, new ByteArrayOutputStream(), 24))
                .isInstanceOf(IllegalArgumentException.class);
        for (int w : new int[] {1, 4000, 5657, 20_000, 65_535}) {
            for (int threads : new int[] {2, 16, 64}) {
                int rows = JpegStripeEncoder.stripeRows(w, 3000, threads);
                assertThat(rows % JpegStripeEncoder.MCU_ROWS)
                        .as("w %d, %d threads", w, threads)
                        .isZero();
                long blocks = (long) ((w + 7) / 8) * (rows / 8); // the most MCUs any layout has per stripe
                assertThat(blocks).as("w %d, %d threads", w, threads).isLessThanOrEqualTo(0xFFFF);
            }
        }
        assertThat(JpegStripeEncoder.stripeRows(4000, 3000, 1))
                .as("one thread: no stripes")
                .isEqualTo(3000);
        assertThat(JpegStripeEncoder.stripeRows(4000, 100, 8))
                .as("small image: no stripes")
                .isEqualTo(100);
    }

    @Test
    void stripesWithOtherTablesAreRefused() throws IOException {
        BufferedImage img = photoLike(32, 32, BufferedImage.TYPE_INT_RGB, 8);
        byte[] a = JpegStripeEncoder.encodeWhole(JpegStripeEncoder.stripe(img, 0, 16), 0.9f);
        byte[] b = JpegStripeEncoder.encodeWhole(JpegStripeEncoder.stripe(img, 16, 16), 0.5f);
        JpegStripes joiner = JpegStripes.start(a, 32, 32, 16, new ByteArrayOutputStream());
        assertThatThrownBy(() -> joiner.append(b, true)).isInstanceOf(IllegalStateException.class);
    }

    static byte[] striped(BufferedImage img, int rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JpegStripeEncoder.encode(img, 0.92f, out, rows);
        return out.toByteArray();
    }

    /** Smooth gradients, edges and a little noise, in the requested type. */
    static BufferedImage photoLike(int w, int h, int type, long seed) {
        Random random = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = (x * 255 / Math.max(1, w) + random.nextInt(24)) & 0xFF;
                int g = ((x / 7 + y / 5) % 2 == 0 ? 200 : 40) + random.nextInt(16);
                int b = (y * 255 / Math.max(1, h) + random.nextInt(24)) & 0xFF;
                img.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return img;
    }

    private static BufferedImage decode(byte[] jpeg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    /** Markers in the entropy-coded data (stuffed 0xFF00 bytes skipped), from the scan header on. */
    private static List<Integer> markersAfterScan(byte[] jpeg) {
        int sos = indexOf(jpeg, 0xDA);
        int p = sos + 2 + (((jpeg[sos + 2] & 0xFF) << 8) | (jpeg[sos + 3] & 0xFF));
        List<Integer> markers = new ArrayList<>();
        for (; p + 1 < jpeg.length; p++) {
            if ((jpeg[p] & 0xFF) == 0xFF && jpeg[p + 1] != 0) {
                markers.add(jpeg[p + 1] & 0xFF);
                p++;
            }
        }
        return markers;
    }

    /** Offset of the first marker segment of this type in the headers. */
    private static int indexOf(byte[] jpeg, int marker) {
        int p = 2;
        while (p + 4 <= jpeg.length) {
            int m = jpeg[p + 1] & 0xFF;
            if (m == marker) {
                return p;
            }
            if (m == 0xDA) {
                return -1;
            }
            p += 2 + (((jpeg[p + 2] & 0xFF) << 8) | (jpeg[p + 3] & 0xFF));
        }
        return -1;
    }
}
