package io.github.colorize.internal.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PixelBuffersTest {

    private static int[] randomPixels(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] px = new int[n];
        for (int i = 0; i < n; i++) {
            px[i] = rnd.nextInt(1 << 24);
        }
        return px;
    }

    @ParameterizedTest
    @ValueSource(
            ints = {
                BufferedImage.TYPE_INT_RGB,
                BufferedImage.TYPE_INT_ARGB,
                BufferedImage.TYPE_INT_BGR,
                BufferedImage.TYPE_3BYTE_BGR,
                BufferedImage.TYPE_4BYTE_ABGR
            })
    void readsEveryRgbTypeLikeGetRgb(int type) {
        int w = 13;
        int h = 7;
        int[] px = randomPixels(w * h, type);
        BufferedImage img = new BufferedImage(w, h, type);
        img.setRGB(0, 0, w, h, px, 0, w); // opaque in ARGB types: alpha byte of px is 0 -> use 0xFF
        for (int i = 0; i < px.length; i++) {
            px[i] |= 0xFF000000;
        }
        img.setRGB(0, 0, w, h, px, 0, w);
        int[] expected = new int[px.length];
        for (int i = 0; i < px.length; i++) {
            expected[i] = px[i] & 0xFFFFFF;
        }
        assertThat(PixelBuffers.rgb(img)).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR})
    void honoursSubImageOffsets(int type) {
        int w = 20;
        int h = 11;
        BufferedImage img = new BufferedImage(w, h, type);
        int[] px = randomPixels(w * h, 42);
        for (int i = 0; i < px.length; i++) {
            px[i] |= 0xFF000000;
        }
        img.setRGB(0, 0, w, h, px, 0, w);
        BufferedImage sub = img.getSubimage(3, 2, 9, 5);
        int[] got = PixelBuffers.rgb(sub);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 9; x++) {
                assertThat(got[y * 9 + x]).isEqualTo(px[(y + 2) * w + x + 3] & 0xFFFFFF);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 77, 128, 254, 255})
    void grayBytesBecomeEqualChannels(int v) {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        java.util.Arrays.fill(data, (byte) v);
        assertThat(PixelBuffers.rgb(img)).containsOnly(v << 16 | v << 8 | v);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 64})
    void toImageRoundTrips(int w) {
        int h = 3;
        int[] px = randomPixels(w * h, w);
        BufferedImage img = PixelBuffers.toImage(px, w, h);
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(PixelBuffers.rgb(img)).containsExactly(px);
    }

    @org.junit.jupiter.api.Test
    void toImageRejectsWrongLength() {
        assertThatThrownBy(() -> PixelBuffers.toImage(new int[5], 2, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wrapSharesTheArrayAsAnIntRgbImage() {
        int[] px = {0x123456, 0xFFABCDEF, 0x000001, 0x7F7F7F, 0xFF0000, 0x00FF00};
        BufferedImage img = PixelBuffers.wrap(px, 3, 2);
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(img.getRGB(1, 0)).isEqualTo(0xFFABCDEF);
        assertThat(img.getRGB(0, 1)).isEqualTo(0xFF7F7F7F);
        assertThat(PixelBuffers.rgb(img)).containsExactly(0x123456, 0xABCDEF, 0x000001, 0x7F7F7F, 0xFF0000, 0x00FF00);
        img.setRGB(2, 1, 0x010203);
        assertThat(px[5] & 0xFFFFFF).isEqualTo(0x010203);
        assertThatThrownBy(() -> PixelBuffers.wrap(px, 4, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readOnlyLendsAPlainPackedImagesOwnArray() {
        BufferedImage img = new BufferedImage(700, 500, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 4, 0x123456);
        int[] own = ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData();

        assertThat(PixelBuffers.readOnly(img)).isSameAs(own);
    }

    @Test
    void readOnlyCopiesWhatIsNotExactlyThePackedForm() {
        SplittableRandom rnd = new SplittableRandom(5);
        int[] garbageTop = rnd.ints(600 * 500, 0, 1 << 24).toArray();
        garbageTop[123_456] |= 0x7F000000;
        BufferedImage wrapped = PixelBuffers.wrap(garbageTop.clone(), 600, 500);
        BufferedImage whole = PixelBuffers.toImage(rnd.ints(40 * 30, 0, 1 << 24).toArray(), 40, 30);
        BufferedImage sub = whole.getSubimage(5, 6, 20, 10);
        BufferedImage argb = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);

        int[] fromWrapped = PixelBuffers.readOnly(wrapped);
        assertThat(fromWrapped[123_456]).isEqualTo(garbageTop[123_456] & 0xFFFFFF);
        assertThat(PixelBuffers.readOnly(sub)).isEqualTo(PixelBuffers.rgb(sub)).hasSize(200);
        assertThat(PixelBuffers.readOnly(argb)).isNotSameAs(PixelBuffers.readOnly(argb));
    }
}
