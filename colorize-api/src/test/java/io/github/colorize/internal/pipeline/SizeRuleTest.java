package io.github.colorize.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.ModelCard;
import io.github.colorize.RenderFactor;
import java.util.Random;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class SizeRuleTest {

    @Test
    void renderFactorSquareIsSixteenTimesTheFactor() {
        SizeRule any = new SizeRule.RenderFactorSquare(1);
        assertThat(any.modelSize(1000, 10, 35, Fidelity.REFERENCE)).containsExactly(560, 560);
        assertThat(any.modelSize(10, 1000, 21, Fidelity.DEFAULT)).containsExactly(336, 336);
    }

    @Test
    void referenceRefusesASideTheDynamicGraphCannotRun() {
        SizeRule dyn = new SizeRule.RenderFactorSquare(32);
        assertThatThrownBy(() -> dyn.modelSize(100, 100, 35, Fidelity.REFERENCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("render factor 35 (560 px)")
                .hasMessageContaining("multiple of 32");
        assertThat(dyn.modelSize(100, 100, 36, Fidelity.REFERENCE)).containsExactly(576, 576);
    }

    @Test
    void defaultRoundsHalfUpToTheGraphsMultiple() {
        SizeRule dyn = new SizeRule.RenderFactorSquare(32);
        assertThat(dyn.modelSize(100, 100, 35, Fidelity.DEFAULT)).containsExactly(576, 576);
        assertThat(dyn.modelSize(100, 100, 21, Fidelity.DEFAULT)).containsExactly(352, 352);
        assertThat(dyn.modelSize(100, 100, 1, Fidelity.DEFAULT)).containsExactly(32, 32);
        assertThat(new SizeRule.RenderFactorSquare(64).modelSize(9, 9, 7, Fidelity.DEFAULT))
                .containsExactly(128, 128);
    }

    @Test
    void fixedSquareRunsOnlyItsOwnFactorInReference() {
        SizeRule fixed = new SizeRule.FixedSquare(256);
        assertThat(fixed.modelSize(640, 480, 16, Fidelity.REFERENCE)).containsExactly(256, 256);
        assertThatThrownBy(() -> fixed.modelSize(640, 480, 21, Fidelity.REFERENCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fixed 256 px (render factor 16)");
        assertThat(fixed.modelSize(640, 480, 21, Fidelity.DEFAULT)).containsExactly(256, 256);
    }

    @ParameterizedTest
    @EnumSource(Fidelity.class)
    void nonPositiveFactorsAreRefused(Fidelity f) {
        for (SizeRule r : new SizeRule[] {
            new SizeRule.RenderFactorSquare(1), new SizeRule.FixedSquare(256), new SizeRule.AspectArea(32)
        }) {
            assertThatThrownBy(() -> r.modelSize(10, 10, 0, f)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void invalidRulesAreRefused() {
        assertThatThrownBy(() -> new SizeRule.RenderFactorSquare(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SizeRule.FixedSquare(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SizeRule.AspectArea(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Values computed with training/colorize_training/sizing.py working_size (Python round = half to even). */
    static Stream<Arguments> workingSizes() {
        return Stream.of(
                Arguments.of(150, 97, 6, 128, 64),
                Arguments.of(61, 203, 5, 32, 160),
                Arguments.of(257, 255, 7, 128, 96),
                Arguments.of(4000, 3000, 35, 640, 480),
                Arguments.of(3000, 4000, 21, 288, 384),
                Arguments.of(10, 5000, 7, 32, 2496),
                Arguments.of(1, 1, 1, 32, 32));
    }

    @ParameterizedTest
    @MethodSource("workingSizes")
    void aspectAreaFollowsTheTrainingScript(int w, int h, int rf, int mw, int mh) {
        SizeRule r = new SizeRule.AspectArea(32);
        assertThat(r.modelSize(w, h, rf, Fidelity.REFERENCE)).containsExactly(mw, mh);
        assertThat(r.modelSize(w, h, rf, Fidelity.DEFAULT)).containsExactly(mw, mh);
    }

    static IntStream seeds() {
        return IntStream.range(0, 20);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aspectAreaKeepsAreaAndAspect(int seed) {
        Random rnd = new Random(seed);
        int w = 64 + rnd.nextInt(6000);
        int h = 64 + rnd.nextInt(6000);
        int rf = 7 + rnd.nextInt(39);
        int[] m = new SizeRule.AspectArea(32).modelSize(w, h, rf, Fidelity.DEFAULT);
        assertThat(m[0] % 32).isZero();
        assertThat(m[1] % 32).isZero();
        // Each side is within half a step (16 px) of the exact aspect-keeping size, unless clamped to 32.
        double s = 16.0 * rf / Math.sqrt((double) w * h);
        assertThat(Math.abs(m[0] - w * s)).isLessThanOrEqualTo(m[0] == 32 ? 32 : 16.0 + 1e-9);
        assertThat(Math.abs(m[1] - h * s)).isLessThanOrEqualTo(m[1] == 32 ? 32 : 16.0 + 1e-9);
    }

    /** Whatever the photo suggests, auto in reference fidelity picks a factor the graph can run. */
    @ParameterizedTest
    @MethodSource("multiples")
    void autoInReferencePicksOnlyRunnableFactors(int multiple) {
        SizeRule rule = new SizeRule.RenderFactorSquare(multiple);
        for (int choice = RenderFactor.MIN; choice <= RenderFactor.MAX; choice++) {
            int c = choice;
            int f = rule.autoFactor(() -> c, 24, Fidelity.REFERENCE);
            assertThat(f).as("choice %d", c).isGreaterThanOrEqualTo(RenderFactor.MIN);
            assertThat(rule.modelSize(100, 100, f, Fidelity.REFERENCE)[0]).isEqualTo(16 * f);
            assertThat(rule.autoFactor(() -> c, 24, Fidelity.DEFAULT)).isEqualTo(c);
            assertThat(rule.usedFactor(f)).isEqualTo(f);
        }
    }

    static IntStream multiples() {
        return IntStream.of(1, 16, 32, 48, 64);
    }

    @Test
    void aFixedGraphHasOneFactorAndNeverAsksThePhoto() {
        IntSupplier photo = () -> {
            throw new AssertionError("a fixed-size graph must not analyse the photo");
        };
        assertThat(new SizeRule.FixedSquare(256).autoFactor(photo, 24, Fidelity.REFERENCE))
                .isEqualTo(16);
        assertThat(new SizeRule.FixedSquare(250).autoFactor(photo, 24, Fidelity.DEFAULT))
                .isEqualTo(24);
        assertThat(new SizeRule.FixedSquare(256).usedFactor(35)).isEqualTo(16);
        assertThat(new SizeRule.FixedSquare(250).usedFactor(35)).isEqualTo(16);
        assertThat(new SizeRule.AspectArea(32).autoFactor(() -> 13, 24, Fidelity.REFERENCE))
                .isEqualTo(13);
    }

    @Test
    void rulesFollowTheCardsSizing() {
        assertThat(SizeRule.of(ModelCard.Sizing.fixedSquare(256))).isEqualTo(new SizeRule.FixedSquare(256));
        assertThat(SizeRule.of(ModelCard.Sizing.renderFactorSquare(32))).isEqualTo(new SizeRule.RenderFactorSquare(32));
        assertThat(SizeRule.of(ModelCard.Sizing.renderFactorArea(32, 4))).isEqualTo(new SizeRule.AspectArea(32));
    }
}
