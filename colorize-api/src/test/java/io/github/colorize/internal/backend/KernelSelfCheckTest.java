package io.github.colorize.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.BackendUnavailableException;
import io.github.colorize.internal.backend.KernelSelfCheck.Outcome;
import io.github.colorize.internal.backend.KernelSelfCheck.Precision;
import io.github.colorize.internal.backend.KernelSelfCheck.Runner;
import io.github.colorize.internal.backend.KernelSelfCheck.Status;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KernelSelfCheckTest {

    private static final String REMEDY = "Set ONEDNN_MAX_CPU_ISA=AVX2 before the JVM starts.";

    private static Runner each(Function<ConvCase, float[]> one) {
        return cases -> cases.stream().map(one).toList();
    }

    /** A right runtime: the reference, rounded to float32. */
    private static float[] right(ConvCase c) {
        double[] ref = c.reference()[0];
        float[] out = new float[ref.length];
        for (int i = 0; i < ref.length; i++) {
            out[i] = (float) ref[i];
        }
        return out;
    }

    /**
     * Another right runtime: float32 products and float32 sums, channels summed backwards, as a
     * differently blocked kernel would; the tolerance must accept it.
     */
    private static float[] float32Backwards(ConvCase c) {
        float[] x = c.input();
        float[] w = c.weight();
        float[] b = c.bias();
        int oh = c.outHeight();
        int ow = c.outWidth();
        int k = c.kernel();
        float[] out = new float[c.batch() * c.outChannels() * oh * ow];
        for (int n = 0; n < c.batch(); n++) {
            for (int o = 0; o < c.outChannels(); o++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        float sum = 0f;
                        for (int ch = c.inChannels() - 1; ch >= 0; ch--) {
                            for (int u = k - 1; u >= 0; u--) {
                                for (int v = k - 1; v >= 0; v--) {
                                    int y = i * c.stride() + u - c.padding();
                                    int xx = j * c.stride() + v - c.padding();
                                    if (y >= 0 && y < c.height() && xx >= 0 && xx < c.width()) {
                                        sum += x[((n * c.inChannels() + ch) * c.height() + y) * c.width() + xx]
                                                * w[((o * c.inChannels() + ch) * k + u) * k + v];
                                    }
                                }
                            }
                        }
                        out[((n * c.outChannels() + o) * oh + i) * ow + j] = sum + b[o];
                    }
                }
            }
        }
        return out;
    }

    /** The broken-kernel signature seen with libtorch 2.7.1 on AVX-512 AMD CPUs: most outputs off by ~10 %. */
    private static float[] likeBrokenOneDnn(ConvCase c) {
        float[] out = right(c);
        if (c.inChannels() % 16 != 0 && c.inChannels() > 16 && c.kernel() == 3) {
            SplittableRandom r = new SplittableRandom(c.seed());
            for (int i = 0; i < out.length; i++) {
                out[i] += (float) (0.1 * (r.nextDouble() - 0.5));
            }
        }
        return out;
    }

    @Test
    void theReferenceIsTheConvolution() {
        ConvCase c = new ConvCase(1, 2, 1, 3, 3, 3, 1, 1, 5);
        float[] x = c.input();
        float[] w = c.weight();
        // The centre output sees every input pixel once.
        double centre = c.bias()[0];
        for (int ch = 0; ch < 2; ch++) {
            for (int p = 0; p < 9; p++) {
                centre += (double) x[ch * 9 + p] * w[ch * 9 + p];
            }
        }
        assertThat(c.reference()[0][4]).isEqualTo(centre);
        assertThat(c.outputShape()).containsExactly(1, 1, 3, 3);
        assertThat(new ConvCase(2, 24, 48, 12, 12, 3, 2, 1, 1).outputShape()).containsExactly(2, 48, 6, 6);
    }

    @Test
    void theDataIsTheSameOnEveryRun() {
        ConvCase c = KernelSelfCheck.CASES.get(0);
        assertThat(c.input()).containsExactly(c.input());
        assertThat(c.weight()[0]).isEqualTo(new ConvCase(2, 24, 32, 4, 4, 3, 1, 1, 11).weight()[0]);
    }

    @Test
    void rightRuntimesPassWhateverTheirSummationOrder() {
        for (ConvCase c : KernelSelfCheck.CASES) {
            assertThat(KernelSelfCheck.compare(c, right(c), Precision.FLOAT32)).isEmpty();
            assertThat(KernelSelfCheck.compare(c, float32Backwards(c), Precision.FLOAT32))
                    .as(c.label())
                    .isEmpty();
        }
        Outcome outcome = KernelSelfCheck.check(
                "test", each(KernelSelfCheckTest::float32Backwards), Precision.FLOAT32, null, REMEDY);
        assertThat(outcome.status()).isEqualTo(Status.PASSED);
        assertThat(outcome.usable()).isTrue();
    }

    @Test
    void aRuntimeWrongLikeOneDnnOnAvx512IsRefusedWithTheRemedy() {
        Outcome outcome = KernelSelfCheck.check(
                "libtorch 2.7.1 cpu", each(KernelSelfCheckTest::likeBrokenOneDnn), Precision.FLOAT32, null, REMEDY);
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.report())
                .contains("libtorch 2.7.1 cpu computes convolutions wrong here")
                .contains("3x3 24->32 channels, stride 1")
                .contains("outputs wrong, off by up to")
                .endsWith(REMEDY);
        assertThatThrownBy(() -> outcome.requireUsable("djl"))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("ONEDNN_MAX_CPU_ISA=AVX2");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void oneOutputOffByAThousandthOfItsSizeIsCaughtInEveryCase(int index) {
        ConvCase c = KernelSelfCheck.CASES.get(index);
        float[] out = right(c);
        int at = new SplittableRandom(index).nextInt(out.length);
        out[at] += (float) (1e-3 * c.reference()[1][at]);
        assertThat(KernelSelfCheck.compare(c, out, Precision.FLOAT32))
                .hasValueSatisfying(m -> assertThat(m).contains("1 of " + out.length + " outputs"));
    }

    @Test
    void tf32GpusAreAllowedTheirCoarserProductsButNoMore() {
        ConvCase c = KernelSelfCheck.CASES.get(0);
        float[] out = right(c);
        double[] magnitude = c.reference()[1];
        for (int i = 0; i < out.length; i++) {
            out[i] += (float) (Math.scalb(1.0, -11) * magnitude[i]); // one TF32 rounding of the whole sum
        }
        assertThat(KernelSelfCheck.compare(c, out, Precision.FLOAT32)).isPresent();
        assertThat(KernelSelfCheck.compare(c, out, Precision.TF32)).isEmpty();
        assertThat(KernelSelfCheck.compare(c, likeBrokenOneDnn(c), Precision.TF32))
                .isPresent();
    }

    @Test
    void missingNonFiniteOrShortResultsFail() {
        ConvCase c = KernelSelfCheck.CASES.get(2);
        float[] nan = right(c);
        nan[7] = Float.NaN;
        assertThat(KernelSelfCheck.compare(c, nan, Precision.FLOAT32))
                .hasValue(c.label() + ": 1 of " + nan.length + " outputs wrong, 1 of them NaN or infinite");
        nan[8] += 1f;
        assertThat(KernelSelfCheck.compare(c, nan, Precision.FLOAT32))
                .hasValueSatisfying(m -> assertThat(m)
                        .contains("2 of " + nan.length + " outputs wrong, off by up to 1.00")
                        .endsWith("1 of them NaN or infinite"));
        assertThat(KernelSelfCheck.compare(c, new float[3], Precision.FLOAT32))
                .hasValueSatisfying(m -> assertThat(m).contains("3 outputs"));
        assertThat(KernelSelfCheck.compare(c, null, Precision.FLOAT32)).isPresent();
        Outcome failing = KernelSelfCheck.check(
                "rt",
                cases -> {
                    throw new IllegalStateException("no kernel");
                },
                Precision.FLOAT32,
                null,
                REMEDY);
        assertThat(failing.status()).isEqualTo(Status.FAILED);
        assertThat(failing.report()).contains("the runtime failed").contains("no kernel");
        Outcome tooFew =
                KernelSelfCheck.check("rt", cases -> List.of(right(cases.get(0))), Precision.FLOAT32, null, REMEDY);
        assertThat(tooFew.status()).isEqualTo(Status.FAILED);
        assertThat(tooFew.report()).contains("no outputs");
    }

    @Test
    void aFixThatHelpsIsAppliedReCheckedAndReported() {
        AtomicBoolean fixed = new AtomicBoolean();
        Runner runtime = each(c -> fixed.get() ? right(c) : likeBrokenOneDnn(c));
        Outcome outcome = KernelSelfCheck.check(
                "rt",
                runtime,
                Precision.FLOAT32,
                () -> {
                    fixed.set(true);
                    return "oneDNN was turned off";
                },
                REMEDY);
        assertThat(outcome.status()).isEqualTo(Status.FIXED);
        assertThat(outcome.usable()).isTrue();
        assertThat(outcome.report())
                .contains("computes convolutions wrong here")
                .contains("oneDNN was turned off, and the self-check now passes");
    }

    @Test
    void aFixThatDoesNotHelpOrCannotBeAppliedStillRefuses() {
        Outcome useless = KernelSelfCheck.check(
                "rt", each(KernelSelfCheckTest::likeBrokenOneDnn), Precision.FLOAT32, () -> "nothing", REMEDY);
        assertThat(useless.status()).isEqualTo(Status.FAILED);
        assertThat(useless.report()).contains("still wrong after nothing").endsWith(REMEDY);
        Outcome impossible = KernelSelfCheck.check(
                "rt",
                each(KernelSelfCheckTest::likeBrokenOneDnn),
                Precision.FLOAT32,
                () -> {
                    throw new UnsatisfiedLinkError("no such symbol");
                },
                REMEDY);
        assertThat(impossible.status()).isEqualTo(Status.FAILED);
        assertThat(impossible.report()).contains("could not be applied").contains("no such symbol");
    }

    @Test
    void eachRuntimeAndDeviceIsCheckedOncePerJvmAndKnownAfterwards() {
        String key = "test runtime " + System.nanoTime();
        AtomicInteger runs = new AtomicInteger();
        Runner counting = cases -> {
            runs.incrementAndGet();
            return cases.stream().map(KernelSelfCheckTest::right).toList();
        };
        assertThat(KernelSelfCheck.known(key)).isEmpty();
        Outcome first = KernelSelfCheck.verify(key, counting, Precision.FLOAT32, null, REMEDY);
        Outcome second = KernelSelfCheck.verify(key, counting, Precision.FLOAT32, null, REMEDY);
        assertThat(second).isSameAs(first);
        assertThat(runs.get()).isEqualTo(1);
        assertThat(KernelSelfCheck.known(key)).containsSame(first);
    }
}
