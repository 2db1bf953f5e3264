package io.github.colorize.video.internal;

import io.github.colorize.ColorizeException;
import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.Colorizer;
import io.github.colorize.Provenance;
import io.github.colorize.Timings;
import io.github.colorize.WatermarkOptions;
import io.github.colorize.internal.image.PixelBuffers;
import io.github.colorize.internal.provenance.PaletteMark;
import io.github.colorize.video.internal.stabilize.ChromaStabilizer;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Objects;

/**
 * What happens to each frame: colourised with the mark off, stabilised (optional), then marked, so
 * that the mark sits on the final pixels and is never smoothed into the film. Sums the timings for
 * the provenance record. Not thread-safe: one per stream, frames in order.
 */
public final class FramePipeline {

    private final Colorizer colorizer;
    private final ColorizeOptions unmarked;
    private final WatermarkOptions mark;
    private final ChromaStabilizer stabilizer;
    private Provenance first;
    private Timings total = Timings.ZERO;

    /**
     * Creates the pipeline.
     *
     * @param colorizer colourises frames (not owned: not closed here)
     * @param options per-frame options; their watermark is drawn after stabilisation
     * @param stabiliser the stabiliser, or null to leave each frame's colours as they come
     */
    public FramePipeline(Colorizer colorizer, ColorizeOptions options, ChromaStabilizer stabilizer) {
        this.colorizer = Objects.requireNonNull(colorizer, "colorizer");
        this.unmarked = options.toBuilder().watermark(false).build();
        this.mark = options.watermark();
        this.stabilizer = stabilizer;
    }

    /**
     * Turns one decoded frame into its final colour frame.
     *
     * @param rgb the frame, packed {@code 0xRRGGBB}
     * @param width its width
     * @param height its height
     * @return the final frame, packed
     * @throws ColorizeException if the colorizer fails or returns a frame of another size
     */
    public int[] process(int[] rgb, int width, int height) {
        ColorizedImage result = colorizer.colorize(PixelBuffers.toImage(rgb, width, height), unmarked);
        BufferedImage img = result.image();
        if (img.getWidth() != width || img.getHeight() != height) {
            throw new ColorizeException("the " + colorizer.backend() + " backend returned a " + img.getWidth() + "x"
                    + img.getHeight() + " frame for a " + width + "x" + height + " one");
        }
        long start = System.nanoTime();
        int[] color = PixelBuffers.rgb(img);
        if (stabilizer != null) {
            color = stabilizer.process(rgb, color, width, height);
        }
        if (mark.enabled()) {
            BufferedImage out = PixelBuffers.toImage(color, width, height);
            PaletteMark.draw(out, mark);
            color = PixelBuffers.rgb(out);
        }
        Duration post = Duration.ofNanos(System.nanoTime() - start);
        Provenance p = result.provenance();
        if (first == null) {
            first = p;
        }
        total = new Timings(
                total.preprocess().plus(p.timings().preprocess()),
                total.inference().plus(p.timings().inference()),
                total.postprocess().plus(p.timings().postprocess()).plus(post));
        return color;
    }

    /**
     * The record of the first frame (backend, model, device, factor), or null before any frame.
     *
     * @return the first frame's record
     */
    public Provenance firstProvenance() {
        return first;
    }

    /**
     * The film's provenance record: the first frame's backend, model and settings, the timings so far
     * and the source.
     *
     * @param sourceName the source file's name
     * @param sourceSha256 its SHA-256
     * @return the record
     * @throws IllegalStateException before the first frame
     */
    public Provenance record(String sourceName, String sourceSha256) {
        if (first == null) {
            throw new IllegalStateException("no frame colourised yet");
        }
        return Provenance.of(
                        first.backend(),
                        first.model(),
                        first.modelSha256(),
                        first.renderFactor(),
                        first.chromaStrength(),
                        first.device(),
                        total)
                .withSource(sourceName, sourceSha256);
    }

    /** @return the timings summed over all frames so far */
    public Timings timings() {
        return total;
    }

    /** @return scene cuts found so far (0 without stabilisation) */
    public long sceneCuts() {
        return stabilizer == null ? 0 : stabilizer.cuts();
    }
}
