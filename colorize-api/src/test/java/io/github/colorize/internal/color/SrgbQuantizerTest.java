package io.github.colorize.internal.color;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The table quantiser must give exactly what encoding and rounding give, for every double. */
class SrgbQuantizerTest {

    static Stream<Arguments> encodings() {
        return Stream.of(
                Arguments.of("standard knee", (DoubleUnaryOperator) Srgb::fromLinear),
                Arguments.of("exact knee", (DoubleUnaryOperator) Srgb::fromLinearExact));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void thresholdsAreTheSteps(String name, DoubleUnaryOperator encode) {
        SrgbQuantizer q = new SrgbQuantizer(encode);
        for (int k = 1; k <= 255; k++) {
            double t = q.threshold(k);
            assertThat(q.direct(t)).as("code at threshold %d", k).isEqualTo(k);
            assertThat(q.direct(Math.nextDown(t)))
                    .as("code below threshold %d", k)
                    .isEqualTo(k - 1);
            for (int ulps = -3; ulps <= 3; ulps++) {
                double x = t + ulps * Math.ulp(t);
                assertThat(q.code(x)).as("k %d, %d ulps", k, ulps).isEqualTo(q.direct(x));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void agreesWithDirectRoundingOnRandomValues(String name, DoubleUnaryOperator encode) {
        SrgbQuantizer q = new SrgbQuantizer(encode);
        SplittableRandom rnd = new SplittableRandom(name.hashCode());
        for (int i = 0; i < 1_000_000; i++) {
            double x = switch (i % 4) {
                case 0 -> rnd.nextDouble(-0.1, 1.1);
                case 1 -> rnd.nextDouble() * 0.01; // dense codes of the linear segment
                case 2 -> Math.scalb(rnd.nextDouble(), -rnd.nextInt(40)); // tiny values
                default -> rnd.nextDouble();
            };
            if (q.code(x) != q.direct(x)) {
                assertThat(q.code(x)).as("lin %s", x).isEqualTo(q.direct(x));
            }
        }
        for (double x : new double[] {Double.NaN, -0.0, 0.0, -1, 1, 1.5, Double.POSITIVE_INFINITY, Double.MIN_VALUE}) {
            assertThat(q.code(x)).as("lin %s", x).isEqualTo(q.direct(x));
        }
    }
}
