package io.github.colorize.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrientationTransformTest {

    /**
     * The stored 3×2 image
     *
     * <pre>
     * 1 2 3
     * 4 5 6
     * </pre>
     *
     * and, for each orientation, what a viewer shows (EXIF 2.3, tag 0x0112), written out by hand.
     */
    static Stream<Arguments> orientations() {
        return Stream.of(
                Arguments.of(1, 3, new int[] {1, 2, 3, 4, 5, 6}),
                Arguments.of(2, 3, new int[] {3, 2, 1, 6, 5, 4}),
                Arguments.of(3, 3, new int[] {6, 5, 4, 3, 2, 1}),
                Arguments.of(4, 3, new int[] {4, 5, 6, 1, 2, 3}),
                Arguments.of(5, 2, new int[] {1, 4, 2, 5, 3, 6}),
                Arguments.of(6, 2, new int[] {4, 1, 5, 2, 6, 3}),
                Arguments.of(7, 2, new int[] {6, 3, 5, 2, 4, 1}),
                Arguments.of(8, 2, new int[] {3, 6, 2, 5, 1, 4}));
    }

    @ParameterizedTest
    @MethodSource("orientations")
    void eachOrientationShowsTheImageAsViewersDo(int orientation, int width, int[] expected) {
        BufferedImage stored = image(3, 2, 1, 2, 3, 4, 5, 6);

        BufferedImage shown = OrientationTransform.apply(stored, orientation);

        assertThat(shown.getWidth()).isEqualTo(width);
        assertThat(shown.getHeight()).isEqualTo(6 / width);
        assertThat(TestImages.rgb24(shown)).containsExactly(expected);
        assertThat(TestImages.rgb24(stored)).containsExactly(1, 2, 3, 4, 5, 6);
    }

    /** Orientation 6 means "rotate 90° clockwise to view": the stored top-left ends top-right. */
    @Test
    void rotationDirectionMatchesTheSpecification() {
        BufferedImage stored = image(2, 1, 0xAA, 0xBB);

        BufferedImage cw = OrientationTransform.apply(stored, 6);
        BufferedImage ccw = OrientationTransform.apply(stored, 8);

        assertThat(TestImages.rgb24(cw)).containsExactly(0xAA, 0xBB);
        assertThat(cw.getWidth()).isEqualTo(1);
        assertThat(TestImages.rgb24(ccw)).containsExactly(0xBB, 0xAA);
    }

    static Stream<Arguments> randomImages() {
        Random random = new Random(20261122);
        return IntStream.range(0, 24).mapToObj(i -> {
            int w = 1 + random.nextInt(9);
            int h = 1 + random.nextInt(9);
            int[] px = random.ints(w * h, 0, 1 << 24).toArray();
            return Arguments.of(w, h, px, 1 + random.nextInt(8));
        });
    }

    /** Every orientation is undone by its inverse (6 and 8 undo each other; the rest undo themselves). */
    @ParameterizedTest
    @MethodSource("randomImages")
    void inverseRestoresTheImage(int w, int h, int[] pixels, int orientation) {
        int inverse = orientation == 6 ? 8 : orientation == 8 ? 6 : orientation;
        BufferedImage img = image(w, h, pixels);

        BufferedImage back = OrientationTransform.apply(OrientationTransform.apply(img, orientation), inverse);

        assertThat(back.getWidth()).isEqualTo(w);
        assertThat(TestImages.rgb(back)).isEqualTo(TestImages.rgb(img));
    }

    /** Large enough to move in parallel bands, and a sub-image (not backed by its own array). */
    @ParameterizedTest
    @MethodSource("orientations")
    void largeImagesAndSubImagesMatchPixelByPixel(int orientation, int width, int[] small) {
        int[] px = new Random(orientation).ints(800 * 450, 0, 1 << 24).toArray();
        BufferedImage big = image(800, 450, px);
        BufferedImage sub = big.getSubimage(10, 20, 300, 200);
        for (BufferedImage img : new BufferedImage[] {big, sub}) {
            int w = img.getWidth();
            int h = img.getHeight();
            BufferedImage out = OrientationTransform.apply(img, orientation);
            boolean swaps = orientation >= 5;
            for (int y = 0; y < h; y += 7) {
                for (int x = 0; x < w; x += 5) {
                    // where (x, y) goes, from the hand-written 3×2 table's rule
                    int tx = switch (orientation) {
                        case 2, 3 -> w - 1 - x;
                        case 5, 8 -> y;
                        case 6, 7 -> h - 1 - y;
                        default -> x;
                    };
                    int ty = switch (orientation) {
                        case 3, 4 -> h - 1 - y;
                        case 5, 6 -> x;
                        case 7, 8 -> w - 1 - x;
                        default -> y;
                    };
                    assertThat(out.getRGB(tx, ty)).isEqualTo(img.getRGB(x, y));
                }
            }
            assertThat(out.getWidth()).isEqualTo(swaps ? h : w);
        }
    }

    @Test
    void keepsAlphaAndType() {
        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x80112233);

        BufferedImage out = OrientationTransform.apply(argb, 3);

        assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(out.getRGB(1, 0)).isEqualTo(0x80112233);
    }

    @Test
    void normalAndUnknownValuesReturnTheSameImage() {
        BufferedImage img = image(2, 2, 1, 2, 3, 4);

        assertThat(OrientationTransform.apply(img, 1)).isSameAs(img);
        assertThat(OrientationTransform.apply(img, 0)).isSameAs(img);
        assertThat(OrientationTransform.apply(img, 9)).isSameAs(img);
    }

    @Test
    void refusesOtherImageTypes() {
        BufferedImage gray = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);

        assertThatThrownBy(() -> OrientationTransform.apply(gray, 6)).isInstanceOf(IllegalArgumentException.class);
    }

    private static BufferedImage image(int w, int h, int... pixels) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, pixels, 0, w);
        return img;
    }
}
