package io.github.colorize.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.ModelException;
import io.github.colorize.PipelineId;
import io.github.colorize.PostProcessing;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties every pipeline keeps in both fidelities and every post-processing mode, on seeded random
 * photos around the fake models; the byte-level comparison with the Python reference is {@link
 * PipelineGoldenTest}.
 */
class PipelineBehaviorTest {

    /** A family under test: its pipeline, a factor it can run, and its fake model. */
    record Family(String name, ColorPipeline pipeline, int renderFactor, BiFunction<Tensor, Prepared, Tensor> model) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Family> families() {
        PipelineSpec yuv = PipelineSpec.of(new SizeRule.RenderFactorSquare(1), "input", PostProcessing.LUMINANCE_YUV);
        PipelineSpec small = PipelineSpec.of(new SizeRule.FixedSquare(64), "L", PostProcessing.LUMINANCE_LAB);
        return List.of(
                new Family(
                        "deoldify-normalised",
                        Pipelines.forId(PipelineId.DEOLDIFY, yuv),
                        3,
                        (t, p) -> FakeModels.deOldifyNormalized(t)),
                new Family(
                        "deoldify-bytes",
                        Pipelines.forId(PipelineId.DEOLDIFY_255, yuv),
                        5,
                        (t, p) -> FakeModels.deOldifyBytes(t)),
                new Family(
                        "ddcolor",
                        Pipelines.forId(
                                PipelineId.DDCOLOR,
                                PipelineSpec.of(
                                        new SizeRule.RenderFactorSquare(32), "input", PostProcessing.LUMINANCE_LAB)),
                        4,
                        (t, p) -> FakeModels.ddColor(t)),
                new Family("eccv16", Pipelines.forId(PipelineId.ECCV16, small), 4, (t, p) -> FakeModels.eccv16(t)),
                new Family(
                        "siggraph17",
                        Pipelines.forId(
                                PipelineId.SIGGRAPH17,
                                small.withAuxiliaryInputs(List.of(GoldenCase.HINT, GoldenCase.MASK))),
                        4,
                        (t, p) -> FakeModels.siggraph17(
                                t,
                                p.extraInputs().get(GoldenCase.HINT),
                                p.extraInputs().get(GoldenCase.MASK))),
                new Family(
                        "chroma",
                        Pipelines.forId(
                                PipelineId.COLORIZE_CHROMA,
                                PipelineSpec.of(new SizeRule.AspectArea(32), "l", PostProcessing.LUMINANCE_LAB)
                                        .withOutputScale(4)),
                        4,
                        (t, p) -> FakeModels.chroma(t)));
    }

    /** Every family × fidelity × mode, on a photo from a seed (odd sizes, some gray, some colour). */
    static Stream<Arguments> runs() {
        List<Arguments> out = new ArrayList<>();
        int seed = 0;
        for (Family f : families()) {
            for (Fidelity fid : Fidelity.values()) {
                for (PostProcessing mode : PostProcessing.values()) {
                    out.add(Arguments.of(f, fid, mode, seed++));
                }
            }
        }
        return out.stream();
    }

    /** A photo with gradients, blocks and noise; gray (R = G = B) when {@code gray}. */
    static int[] photo(Random rnd, int w, int h, boolean gray) {
        int[] rgb = new int[w * h];
        int bx = rnd.nextInt(w);
        int by = rnd.nextInt(h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = (x * 255 / Math.max(1, w - 1) + rnd.nextInt(9)) & 0xFF;
                int g = (y * 255 / Math.max(1, h - 1) + rnd.nextInt(9)) & 0xFF;
                int b = (x > bx && y > by) ? 230 : 40;
                if (gray) {
                    int v = (r * 3 + g * 5 + b * 2) / 10;
                    r = v;
                    g = v;
                    b = v;
                }
                rgb[y * w + x] = (r << 16) | (g << 8) | b;
            }
        }
        return rgb;
    }

    private static int[] run(Family f, int[] rgb, int w, int h, Fidelity fid, float strength, PostProcessing mode) {
        Prepared p = f.pipeline().prepare(rgb, w, h, f.renderFactor(), fid);
        return f.pipeline().finish(p, f.model().apply(p.input(), p), strength, mode);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("runs")
    void outputHasThePhotosSizeIsDeterministicAndLeavesTheInputAlone(
            Family f, Fidelity fid, PostProcessing mode, int seed) {
        Random rnd = new Random(seed);
        int w = 17 + rnd.nextInt(90);
        int h = 17 + rnd.nextInt(90);
        int[] rgb = photo(rnd, w, h, rnd.nextBoolean());
        int[] copy = rgb.clone();
        float strength = 0.5f + rnd.nextFloat();
        int[] a = run(f, rgb, w, h, fid, strength, mode);
        int[] b = run(f, rgb, w, h, fid, strength, mode);
        assertThat(a).hasSize(w * h).isEqualTo(b).isNotSameAs(rgb);
        assertThat(rgb).isEqualTo(copy);
        for (int px : a) {
            assertThat(px & 0xFF000000).isZero();
        }
    }

    static Stream<Arguments> luminanceRuns() {
        List<Arguments> out = new ArrayList<>();
        int seed = 1000;
        for (Family f : families()) {
            for (Fidelity fid : Fidelity.values()) {
                for (PostProcessing mode : List.of(PostProcessing.LUMINANCE_YUV, PostProcessing.LUMINANCE_LAB)) {
                    out.add(Arguments.of(f, fid, mode, seed++));
                }
            }
        }
        return out.stream();
    }

    /**
     * Strength 0 removes all predicted chroma: a black-and-white photo comes back unchanged (±1 where a
     * Lab round trip quantises), whatever the model said.
     */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("luminanceRuns")
    void strengthZeroGivesBackABlackAndWhitePhoto(Family f, Fidelity fid, PostProcessing mode, int seed) {
        Random rnd = new Random(seed);
        int w = 20 + rnd.nextInt(60);
        int h = 20 + rnd.nextInt(60);
        int[] rgb = photo(rnd, w, h, true);
        int[] out = run(f, rgb, w, h, fid, 0f, mode);
        ByteComparison cmp = ByteComparison.of(rgb, out);
        if (mode == PostProcessing.LUMINANCE_YUV) {
            assertThat(cmp.maxAbs()).as("%s", cmp).isZero();
        } else {
            assertThat(cmp.maxAbs()).as("%s", cmp).isLessThanOrEqualTo(1);
        }
    }

    /** More strength, more colour: the mean distance from gray grows with the strength. */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("luminanceRuns")
    void strengthScalesTheColor(Family f, Fidelity fid, PostProcessing mode, int seed) {
        Random rnd = new Random(seed);
        int w = 30 + rnd.nextInt(40);
        int h = 30 + rnd.nextInt(40);
        int[] rgb = photo(rnd, w, h, true);
        double weak = colorfulness(run(f, rgb, w, h, fid, 0.5f, mode));
        double normal = colorfulness(run(f, rgb, w, h, fid, 1f, mode));
        double strong = colorfulness(run(f, rgb, w, h, fid, 1.5f, mode));
        assertThat(weak).isGreaterThan(0.5).isLessThan(normal);
        assertThat(normal).isLessThan(strong);
    }

    private static double colorfulness(int[] rgb) {
        double sum = 0;
        for (int p : rgb) {
            int r = (p >>> 16) & 0xFF;
            int g = (p >>> 8) & 0xFF;
            int b = p & 0xFF;
            sum += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
        }
        return sum / rgb.length;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void anOutputOfTheWrongShapeIsAModelError(Family f) {
        int[] rgb = photo(new Random(7), 40, 30, true);
        Prepared p = f.pipeline().prepare(rgb, 40, 30, f.renderFactor(), Fidelity.DEFAULT);
        Tensor good = f.model().apply(p.input(), p);
        Tensor wrongChannels = Tensor.zeros("out", 1, good.dim(1) + 1, good.dim(2), good.dim(3));
        Tensor wrongRank = new Tensor("out", new long[] {good.data().length}, good.data());
        for (Tensor bad : List.of(wrongChannels, wrongRank)) {
            assertThatThrownBy(() -> f.pipeline().finish(p, bad, 1f, PostProcessing.MODEL_DEFAULT))
                    .isInstanceOf(ModelException.class)
                    .hasMessageContaining("'out'")
                    .hasMessageContaining("[1, " + good.dim(1) + ", H, W]");
        }
    }

    @Test
    void perPixelModelsMustAnswerAtTheirInputSize() {
        ColorPipeline dd = families().get(2).pipeline();
        Prepared p = dd.prepare(photo(new Random(3), 50, 40, true), 50, 40, 4, Fidelity.REFERENCE);
        assertThatThrownBy(() -> dd.finish(p, Tensor.zeros("output", 1, 2, 32, 32), 1f, PostProcessing.MODEL_DEFAULT))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("DDColor")
                .hasMessageContaining("64x64")
                .hasMessageContaining("[1, 2, 32, 32]");
    }

    @Test
    void siggraph17GetsZeroHintsAndEccv16None() {
        int[] rgb = photo(new Random(5), 33, 21, false);
        PipelineSpec spec = PipelineSpec.of(new SizeRule.FixedSquare(256), "input_l", PostProcessing.LUMINANCE_LAB);
        Prepared sig = Pipelines.forId(PipelineId.SIGGRAPH17, spec.withAuxiliaryInputs(List.of("hint", "hint_mask")))
                .prepare(rgb, 33, 21, 16, Fidelity.REFERENCE);
        assertThat(sig.allInputs().keySet()).containsExactly("input_l", "hint", "hint_mask");
        assertThat(sig.extraInputs().get("hint").shape()).containsExactly(1, 2, 256, 256);
        assertThat(sig.extraInputs().get("hint_mask").shape()).containsExactly(1, 1, 256, 256);
        assertThat(sig.extraInputs().get("hint").data()).containsOnly(0f);
        assertThat(sig.extraInputs().get("hint_mask").data()).containsOnly(0f);
        Prepared baked = Pipelines.forId(PipelineId.SIGGRAPH17, spec).prepare(rgb, 33, 21, 16, Fidelity.REFERENCE);
        assertThat(baked.extraInputs()).isEmpty();
        Prepared eccv = Pipelines.forId(PipelineId.ECCV16, spec).prepare(rgb, 33, 21, 16, Fidelity.REFERENCE);
        assertThat(eccv.extraInputs()).isEmpty();
        assertThat(eccv.input().shape()).containsExactly(1, 1, 256, 256);
    }

    @Test
    void specsAFamilyCannotUseAreRefused() {
        PipelineSpec spec = PipelineSpec.of(new SizeRule.FixedSquare(256), "L", PostProcessing.LUMINANCE_LAB);
        assertThatThrownBy(() -> Pipelines.forId(PipelineId.ECCV16, spec.withAuxiliaryInputs(List.of("x", "y"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ECCV16");
        assertThatThrownBy(() -> Pipelines.forId(PipelineId.SIGGRAPH17, spec.withAuxiliaryInputs(List.of("x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly two");
        assertThatThrownBy(() -> Pipelines.forId(PipelineId.DDCOLOR, spec.withOutputScale(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("output scale 4");
        assertThatThrownBy(() -> Pipelines.forId(PipelineId.DEOLDIFY_255, spec.withAuxiliaryInputs(List.of("x"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PipelineId.parse("pix2pix"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'pix2pix'")
                .hasMessageContaining("colorize-chroma");
        assertThatThrownBy(() -> PipelineSpec.of(new SizeRule.FixedSquare(256), "L", PostProcessing.MODEL_DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** MODEL_DEFAULT means whatever the card says, not the family's usual mode. */
    @Test
    void modelDefaultFollowsTheSpec() {
        int[] rgb = photo(new Random(11), 41, 29, false);
        for (PostProcessing concrete :
                List.of(PostProcessing.LUMINANCE_LAB, PostProcessing.LUMINANCE_YUV, PostProcessing.NONE)) {
            ColorPipeline pipe = Pipelines.forId(
                    PipelineId.DDCOLOR, PipelineSpec.of(new SizeRule.RenderFactorSquare(32), "input", concrete));
            Prepared p = pipe.prepare(rgb, 41, 29, 4, Fidelity.DEFAULT);
            Tensor out = FakeModels.ddColor(p.input());
            assertThat(pipe.finish(p, out, 1.3f, PostProcessing.MODEL_DEFAULT))
                    .as("%s", concrete)
                    .isEqualTo(pipe.finish(p, out, 1.3f, concrete));
        }
    }

    @Test
    void referenceRefusesAFactorTheGraphCannotRunAndDefaultRoundsIt() {
        ColorPipeline dyn = Pipelines.forId(
                PipelineId.DEOLDIFY_255,
                PipelineSpec.of(new SizeRule.RenderFactorSquare(32), "input", PostProcessing.LUMINANCE_YUV));
        int[] rgb = photo(new Random(9), 30, 20, true);
        assertThatThrownBy(() -> dyn.prepare(rgb, 30, 20, 7, Fidelity.REFERENCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("render factor 7 (112 px)");
        Prepared p = dyn.prepare(rgb, 30, 20, 7, Fidelity.DEFAULT);
        assertThat(p.modelWidth()).isEqualTo(128);
        assertThat(p.input().shape()).containsExactly(1, 3, 128, 128);
    }

    /**
     * Default fidelity transfers the original's true BT.601 luma (OpenCV Y): on a black-and-white photo
     * the result's Y is the photo's gray level wherever the inverse transform does not clip. Reference
     * fidelity reproduces DeOldify handing RGB arrays to OpenCV's BGR codes, which weighs red and blue the
     * wrong way round, so there the result's Y moves with the predicted hue.
     */
    @Test
    void deOldifyDefaultKeepsTheTrueLumaOfABlackAndWhitePhoto() {
        Family f = families().get(0);
        Random rnd = new Random(21);
        int w = 97;
        int h = 61;
        int[] rgb = photo(rnd, w, h, true);
        double keptDefault = lumaKept(rgb, run(f, rgb, w, h, Fidelity.DEFAULT, 1f, PostProcessing.LUMINANCE_YUV));
        double keptReference = lumaKept(rgb, run(f, rgb, w, h, Fidelity.REFERENCE, 1f, PostProcessing.LUMINANCE_YUV));
        assertThat(keptDefault).isEqualTo(1.0);
        assertThat(keptReference).isLessThan(0.5);
    }

    /**
     * Among pixels the inverse transform did not clip (no channel at 0 or 255), the fraction whose OpenCV
     * Y is within one level of the gray original's.
     */
    private static double lumaKept(int[] gray, int[] out) {
        int kept = 0;
        int counted = 0;
        for (int i = 0; i < gray.length; i++) {
            int p = out[i];
            if (clipped(p >>> 16) || clipped(p >>> 8) || clipped(p)) {
                continue;
            }
            int y = (io.github.colorize.internal.color.OpenCvYuv.rgbToYuv(p) >>> 16) & 0xFF;
            kept += Math.abs(y - (gray[i] & 0xFF)) <= 1 ? 1 : 0;
            counted++;
        }
        assertThat(counted).isGreaterThan(gray.length / 2);
        return (double) kept / counted;
    }

    private static boolean clipped(int channel) {
        int c = channel & 0xFF;
        return c == 0 || c == 255;
    }

    @Test
    void aPixelArrayOfTheWrongSizeIsRefused() {
        for (Family f : families()) {
            assertThatThrownBy(() -> f.pipeline().prepare(new int[10], 4, 3, f.renderFactor(), Fidelity.DEFAULT))
                    .as(f.name())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("4x3");
        }
    }

    @Test
    void deOldifyTensorsHoldWhatTheContractSays() {
        int[] white = new int[16 * 16];
        java.util.Arrays.fill(white, 0xFFFFFF);
        Prepared bytes = families().get(1).pipeline().prepare(white, 16, 16, 1, Fidelity.REFERENCE);
        assertThat(bytes.input().data()).containsOnly(255f);
        Prepared norm = families().get(0).pipeline().prepare(white, 16, 16, 1, Fidelity.REFERENCE);
        assertThat(norm.input().data()[0]).isEqualTo((1f - 0.485f) / 0.229f);
        assertThat(norm.input().data()[256]).isEqualTo((1f - 0.456f) / 0.224f);
        assertThat(norm.input().data()[512]).isEqualTo((1f - 0.406f) / 0.225f);
    }
}
