package io.github.colorize.video.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.Test;

class OrientationTest {

    private static final int ONE = 1 << 16;
    private static final int W = 1 << 30;

    /**
     * A 3×2 picture:
     *
     * <pre>
     * a b c
     * d e f
     * </pre>
     */
    private static final int[] PICTURE = {'a', 'b', 'c', 'd', 'e', 'f'};

    private static String turned(Orientation o) {
        int[] out = o.apply(PICTURE, 3, 2);
        int w = o.uprightWidth(3, 2);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < out.length; i++) {
            s.append((char) out[i]);
            if ((i + 1) % w == 0 && i + 1 < out.length) {
                s.append('/');
            }
        }
        return s.toString();
    }

    @Test
    void turnsPixelsAsFfmpegsFiltersDo() {
        assertThat(turned(Orientation.UPRIGHT)).isEqualTo("abc/def");
        assertThat(turned(Orientation.CLOCKWISE)).isEqualTo("da/eb/fc"); // transpose=clock
        assertThat(turned(Orientation.HALF_TURN)).isEqualTo("fed/cba"); // hflip,vflip
        assertThat(turned(Orientation.COUNTER_CLOCKWISE)).isEqualTo("cf/be/ad"); // transpose=cclock
        assertThat(turned(Orientation.MIRROR)).isEqualTo("cba/fed"); // hflip
        assertThat(turned(Orientation.FLIP)).isEqualTo("def/abc"); // vflip
        assertThat(turned(Orientation.TRANSPOSE)).isEqualTo("ad/be/cf"); // transpose=cclock_flip
        assertThat(turned(Orientation.TRANSVERSE)).isEqualTo("fc/eb/da"); // transpose=clock_flip
    }

    @Test
    void quarterTurnsSwapTheSizeAndThePixelAspect() {
        assertThat(Orientation.CLOCKWISE.uprightWidth(1920, 1080)).isEqualTo(1080);
        assertThat(Orientation.CLOCKWISE.uprightHeight(1920, 1080)).isEqualTo(1920);
        assertThat(Orientation.HALF_TURN.uprightWidth(1920, 1080)).isEqualTo(1920);
        assertThat(Orientation.TRANSPOSE.uprightAspect(new Rational(16, 11))).isEqualTo(new Rational(11, 16));
        assertThat(Orientation.MIRROR.uprightAspect(new Rational(16, 11))).isEqualTo(new Rational(16, 11));
        assertThat(Orientation.CLOCKWISE.uprightAspect(new Rational(0, 1))).isEqualTo(new Rational(0, 1));
    }

    @Test
    void uprightFramesAreNotCopied() {
        assertThat(Orientation.UPRIGHT.apply(PICTURE, 3, 2)).isSameAs(PICTURE);
        assertThatThrownBy(() -> Orientation.CLOCKWISE.apply(PICTURE, 2, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Matrices as {@code ffmpeg -display_rotation/-display_hflip} writes them (ffprobe prints these). */
    @Test
    void readsDisplayMatricesAsFfmpegAutorotates() {
        assertThat(Orientation.fromDisplayMatrix(null)).isEqualTo(Orientation.UPRIGHT);
        assertThat(Orientation.fromDisplayMatrix(new int[] {ONE, 0, 0, 0, ONE, 0, 0, 0, W}))
                .isEqualTo(Orientation.UPRIGHT);
        // -display_rotation 90 (ffprobe: rotation 90): shown a quarter turn counter-clockwise.
        assertThat(Orientation.fromDisplayMatrix(new int[] {0, -ONE, 0, ONE, 0, 0, 0, 0, W}))
                .isEqualTo(Orientation.COUNTER_CLOCKWISE);
        // -display_rotation -90, the old rotate=90 tag of portrait phone videos: clockwise.
        assertThat(Orientation.fromDisplayMatrix(new int[] {0, ONE, 0, -ONE, 0, 0, 0, 0, W}))
                .isEqualTo(Orientation.CLOCKWISE);
        assertThat(Orientation.fromDisplayMatrix(new int[] {-ONE, 0, 0, 0, -ONE, 0, 0, 0, W}))
                .isEqualTo(Orientation.HALF_TURN);
        // -display_hflip alone, and a vertical flip alone.
        assertThat(Orientation.fromDisplayMatrix(new int[] {-ONE, 0, 0, 0, ONE, 0, 0, 0, W}))
                .isEqualTo(Orientation.MIRROR);
        assertThat(Orientation.fromDisplayMatrix(new int[] {ONE, 0, 0, 0, -ONE, 0, 0, 0, W}))
                .isEqualTo(Orientation.FLIP);
        // -display_rotation 90 -display_hflip, and -90 with hflip.
        assertThat(Orientation.fromDisplayMatrix(new int[] {0, -ONE, 0, -ONE, 0, 0, 0, 0, W}))
                .isEqualTo(Orientation.TRANSVERSE);
        assertThat(Orientation.fromDisplayMatrix(new int[] {0, ONE, 0, ONE, 0, 0, 0, 0, W}))
                .isEqualTo(Orientation.TRANSPOSE);
    }

    @Test
    void anglesThatAreNotRightAnglesCannotBeApplied() {
        int[] m = new int[9];
        Ffmpeg.load();
        avutil.av_display_rotation_set(m, 30);
        assertThat(Orientation.fromDisplayMatrix(m)).isNull();
        avutil.av_display_rotation_set(m, 90.4); // within FFmpeg's tolerance of a right angle
        assertThat(Orientation.fromDisplayMatrix(m)).isNotNull();
        assertThat(Orientation.fromDisplayMatrix(new int[9])).isNull(); // degenerate
        assertThatThrownBy(() -> Orientation.fromDisplayMatrix(new int[4]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
