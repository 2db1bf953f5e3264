package io.github.colorize.video.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.ColorizeException;
import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.Colorizer;
import io.github.colorize.WatermarkOptions;
import io.github.colorize.internal.provenance.PaletteMark;
import io.github.colorize.video.internal.stabilize.ChromaStabilizer;
import io.github.colorize.video.testing.FlickerStubColorizer;
import io.github.colorize.video.testing.SyntheticClip;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FramePipelineTest {

    private static final int W = SyntheticClip.WIDTH;
    private static final int H = SyntheticClip.HEIGHT;

    /** Records the options every frame was colourised with. */
    private static final class Recording implements Colorizer {
        final FlickerStubColorizer stub = new FlickerStubColorizer();
        final List<ColorizeOptions> seen = new ArrayList<>();

        @Override
        public String backend() {
            return stub.backend();
        }

        @Override
        public String model() {
            return stub.model();
        }

        @Override
        public ColorizedImage colorize(BufferedImage image, ColorizeOptions options) {
            seen.add(options);
            return stub.colorize(image, options);
        }

        @Override
        public void close() {}
    }

    @Test
    void theMarkIsDrawnOnTheFinalFramesOnlyInsideItsBox() {
        Recording marked = new Recording();
        Recording plain = new Recording();
        FramePipeline withMark = new FramePipeline(marked, ColorizeOptions.defaults(), new ChromaStabilizer());
        FramePipeline without = new FramePipeline(
                plain, ColorizeOptions.builder().watermark(false).build(), new ChromaStabilizer());
        Rectangle box = PaletteMark.bounds(W, H, WatermarkOptions.defaults()).orElseThrow();
        for (int t = 0; t < 8; t++) {
            int[] frame = SyntheticClip.frame(t);
            int[] a = withMark.process(frame, W, H);
            int[] b = without.process(frame, W, H);
            int inside = 0;
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int i = y * W + x;
                    if (!box.contains(x, y)) {
                        assertThat(a[i]).as("outside the mark at %d,%d", x, y).isEqualTo(b[i]);
                    } else if (a[i] != b[i]) {
                        inside++;
                    }
                }
            }
            // Every frame carries the mark, identically placed: it is drawn after smoothing.
            assertThat(inside).isGreaterThan(box.width * box.height / 3);
        }
        assertThat(marked.seen)
                .allSatisfy(o -> assertThat(o.watermark().enabled()).isFalse());
        assertThat(withMark.firstProvenance().model()).isEqualTo("flicker-stub");
        assertThat(withMark.timings().postprocess()).isPositive();
    }

    @Test
    void aColorizerReturningAnotherSizeIsAnError() {
        Colorizer shrinking = new Colorizer() {
            @Override
            public String backend() {
                return "shrink";
            }

            @Override
            public String model() {
                return "half";
            }

            @Override
            public ColorizedImage colorize(BufferedImage image, ColorizeOptions options) {
                BufferedImage half =
                        new BufferedImage(image.getWidth() / 2, image.getHeight(), BufferedImage.TYPE_INT_RGB);
                return new FlickerStubColorizer().colorize(half, options);
            }

            @Override
            public void close() {}
        };
        FramePipeline p = new FramePipeline(shrinking, ColorizeOptions.defaults(), null);
        assertThatThrownBy(() -> p.process(SyntheticClip.frame(0), W, H))
                .isInstanceOf(ColorizeException.class)
                .hasMessageContaining("shrink")
                .hasMessageContaining(W + "x" + H);
    }

    @Test
    void withoutStabilizationTheColorsAreTheColorizers() {
        FlickerStubColorizer stub = new FlickerStubColorizer();
        FramePipeline p = new FramePipeline(
                stub, ColorizeOptions.builder().watermark(false).build(), null);
        int[] frame = SyntheticClip.frame(3);
        int[] expected = io.github.colorize.internal.image.PixelBuffers.rgb(
                stub.colorize(io.github.colorize.internal.image.PixelBuffers.toImage(frame, W, H))
                        .image());
        assertThat(p.process(frame, W, H)).isEqualTo(expected);
        assertThat(p.sceneCuts()).isZero();
    }
}
