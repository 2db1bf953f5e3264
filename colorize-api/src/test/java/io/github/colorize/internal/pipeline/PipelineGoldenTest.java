package io.github.colorize.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.PostProcessing;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Java pipelines around the fake models against the reference Python pipelines (Debian's Pillow,
 * OpenCV, scikit-image, torch) around the same fake models: {@code tools/golden/make_pipeline_golden.py}.
 *
 * <p>Tolerances per family, set by how exactly the toolkit reproduces each library's arithmetic (identical
 * bytes where integer paths are reproduced; max |Δ| ≤ 1 with ≥ 99.9 % identical where float rounding next
 * to an integer can flip a byte):
 *
 * <ul>
 *   <li>DeOldify: identical bytes. Pillow resampling, Pillow luma, the float32 normalisation, truncation
 *       and OpenCV 8-bit YUV are all reproduced exactly.
 *   <li>DDColor: OpenCV's float Lab→RGB (spline gamma) is reproduced to ~2e-6, so the gray input tensor
 *       is compared to 2e-6 and the bytes to max |Δ| ≤ 1 with ≥ 99.9 % identical.
 *   <li>ECCV16 / SIGGRAPH17: scikit-image 0.19 runs {@code lab2rgb} in float32 on the float32 tensor, and
 *       the bytes are truncated after a float32 multiply, so values next to an integer can flip: max |Δ|
 *       ≤ 1, ≥ 99.9 % identical; L* input to 2e-5 (a few float32 ulps at 100, for {@code Math.cbrt}/{@code pow}
 *       against glibc).
 *   <li>Chroma model: torch bilinear and Lab in double: max |Δ| ≤ 1, ≥ 99.9 % identical.
 * </ul>
 *
 * The measured figures are printed after the run.
 */
class PipelineGoldenTest {

    private record Tolerance(double inputMaxAbs, int maxAbs, double minIdentical) {}

    private static final Map<String, Tolerance> TOLERANCES = Map.of(
            "DEOLDIFY", new Tolerance(0, 0, 1.0),
            "DDCOLOR", new Tolerance(2e-6, 1, 0.999),
            "ECCV16", new Tolerance(2e-5, 1, 0.999),
            "SIGGRAPH17", new Tolerance(2e-5, 1, 0.999),
            "COLORIZE_CHROMA", new Tolerance(1e-6, 1, 0.999));

    private static final Map<String, String> MEASURED = new ConcurrentHashMap<>();

    static Stream<GoldenCase> cases() {
        return GoldenCase.all().stream();
    }

    @AfterAll
    static void report() {
        new TreeMap<>(MEASURED).forEach((k, v) -> System.out.println("[pipeline golden] " + k + ": " + v));
    }

    private static Prepared prepare(GoldenCase c) {
        return c.pipeline().prepare(c.source(), c.width(), c.height(), c.renderFactor(), Fidelity.REFERENCE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fakeModelIsBitIdenticalToTheScripts(GoldenCase c) {
        Prepared p = prepare(c);
        Tensor out = c.fakeModel(c.referenceInput(p.input().name()), p);
        assertThat(GoldenCase.sha256(out)).isEqualTo(c.props().getProperty("fakeOutputSha256"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void inputTensorMatchesReference(GoldenCase c) {
        Prepared p = prepare(c);
        Tensor ref = c.referenceInput(p.input().name());
        assertThat(p.input().shape()).containsExactly(ref.shape());
        assertThat(p.modelWidth()).isEqualTo(c.integer("modelWidth"));
        assertThat(p.modelHeight()).isEqualTo(c.integer("modelHeight"));
        double max = 0;
        long same = 0;
        for (int i = 0; i < ref.data().length; i++) {
            double d = Math.abs((double) ref.data()[i] - p.input().data()[i]);
            max = Math.max(max, d);
            same += Float.floatToIntBits(ref.data()[i])
                            == Float.floatToIntBits(p.input().data()[i])
                    ? 1
                    : 0;
        }
        MEASURED.put(
                c.name() + " input",
                String.format(
                        java.util.Locale.ROOT,
                        "max|Δ|=%.3g, bit-identical=%.4f%%",
                        max,
                        100.0 * same / ref.data().length));
        Tolerance t = TOLERANCES.get(c.family());
        if (t.inputMaxAbs() == 0) {
            assertThat(GoldenCase.sha256(p.input())).isEqualTo(c.props().getProperty("inputSha256"));
        } else {
            assertThat(max).isLessThanOrEqualTo(t.inputMaxAbs());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void postProcessingOfTheReferenceOutputMatches(GoldenCase c) {
        Prepared ours = prepare(c);
        // Feed the reference's own input through the fake model, so only finish() is under test.
        Tensor refInput = c.referenceInput(ours.input().name());
        Prepared p = new Prepared(
                refInput,
                ours.originalRgb(),
                ours.width(),
                ours.height(),
                ours.modelWidth(),
                ours.modelHeight(),
                ours.renderFactor(),
                Fidelity.REFERENCE,
                ours.extraInputs());
        int[] result = c.pipeline().finish(p, c.fakeModel(refInput, p), 1f, PostProcessing.MODEL_DEFAULT);
        assertWithin(c, "finish", c.expected(), result);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endToEndMatchesReference(GoldenCase c) {
        Prepared p = prepare(c);
        int[] result = c.pipeline().finish(p, c.fakeModel(p), 1f, PostProcessing.MODEL_DEFAULT);
        assertWithin(c, "end-to-end", c.expected(), result);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void deOldifyWithoutPostProcessingMatchesReference(GoldenCase c) {
        org.junit.jupiter.api.Assumptions.assumeTrue(c.hasNone(), "only DeOldify has post_process=False");
        Prepared p = prepare(c);
        int[] result = c.pipeline().finish(p, c.fakeModel(p), 1f, PostProcessing.NONE);
        assertWithin(c, "none", c.none(), result);
    }

    /**
     * For the Lab families default fidelity differs from the reference only in arithmetic details (exact
     * CIE Lab for ECCV16/SIGGRAPH17, the bulk toolkit for the chroma model, round-half-even instead of
     * truncation): never more than one level. (DeOldify and DDColor differ by design: proper RGB luma in
     * the YUV transfer, bilinear instead of nearest chroma upsampling; see PipelineBehaviorTest.)
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void defaultFidelityOfLabFamiliesIsWithinOneLevelOfTheReference(GoldenCase c) {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                List.of("ECCV16", "SIGGRAPH17", "COLORIZE_CHROMA").contains(c.family()));
        ColorPipeline pipe = c.pipeline();
        Prepared p = pipe.prepare(c.source(), c.width(), c.height(), c.renderFactor(), Fidelity.DEFAULT);
        int[] result = pipe.finish(p, c.fakeModel(p), 1f, PostProcessing.MODEL_DEFAULT);
        ByteComparison cmp = ByteComparison.of(c.expected(), result);
        MEASURED.put(c.name() + " default-vs-reference", cmp.toString());
        assertThat(cmp.maxAbs()).as("%s", cmp).isLessThanOrEqualTo(1);
    }

    private static void assertWithin(GoldenCase c, String stage, int[] expected, int[] actual) {
        ByteComparison cmp = ByteComparison.of(expected, actual);
        MEASURED.put(c.name() + " " + stage, cmp.toString());
        Tolerance t = TOLERANCES.get(c.family());
        assertThat(cmp.maxAbs()).as("%s %s: %s", c, stage, cmp).isLessThanOrEqualTo(t.maxAbs());
        assertThat(cmp.identicalFraction()).as("%s %s: %s", c, stage, cmp).isGreaterThanOrEqualTo(t.minIdentical());
    }
}
