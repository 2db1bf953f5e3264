package io.github.colorize.onnx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.platform.Fp16Conversions;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Float16Test {

    @Test
    void everyHalfRoundTripsExactlyAndMatchesOnnxRuntime() {
        for (int h = 0; h <= 0xFFFF; h++) {
            short half = (short) h;
            float f = Float16.toFloat(half);
            float oracle = Fp16Conversions.fp16ToFloat(half);
            if (Float.isNaN(oracle)) {
                assertThat(f).isNaN();
                assertThat(Float.isNaN(Float16.toFloat(Float16.fromFloat(f)))).isTrue();
                continue;
            }
            assertThat(Float.floatToIntBits(f)).as("half 0x%04x", h).isEqualTo(Float.floatToIntBits(oracle));
            assertThat(Float16.fromFloat(f)).as("round trip 0x%04x", h).isEqualTo(half);
        }
    }

    /** Against exact arithmetic: the chosen half is the nearest, ties going to the even one. */
    @Test
    void randomFloatsRoundToTheNearestHalfTiesToEven() {
        Random r = new Random(20261122);
        for (int i = 0; i < 2_000_000; i++) {
            float f = switch (i % 4) {
                case 0 -> Float.intBitsToFloat(r.nextInt());
                case 1 -> (float) (r.nextGaussian() * 300);
                case 2 -> (float) (r.nextGaussian() * 1e-5);
                default -> tieBetweenHalves(r);
            };
            if (Float.isNaN(f)) {
                continue;
            }
            short h = Float16.fromFloat(f);
            assertThat(isNearestTiesEven(f, h))
                    .as("%s -> 0x%04x", f, h & 0xFFFF)
                    .isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "0.0, 0x0000",
        "-0.0, 0x8000",
        "1.0, 0x3C00",
        "-2.0, 0xC000",
        "65504, 0x7BFF",
        "65520, 0x7C00", // halfway to the next binade rounds to infinity
        "65519.996, 0x7BFF",
        "255.0, 0x5BF8",
        "0.33325195, 0x3555",
        "5.9604645E-8, 0x0001", // smallest subnormal
        "2.9802322E-8, 0x0000", // exactly half of it: ties to even (zero)
        "2.9802326E-8, 0x0001",
        "6.1035156E-5, 0x0400", // smallest normal
        "Infinity, 0x7C00",
        "-Infinity, 0xFC00"
    })
    void knownValues(float f, String hex) {
        assertThat(Float16.fromFloat(f) & 0xFFFF).isEqualTo(Integer.decode(hex));
    }

    @Test
    void nanStaysNan() {
        assertThat(Float.isNaN(Float16.toFloat(Float16.fromFloat(Float.NaN)))).isTrue();
    }

    @Test
    void arraysConvertElementWise() {
        float[] f = {0.5f, -1.25f, 200f};
        assertThat(Float16.toFloats(Float16.fromFloats(f))).containsExactly(f);
    }

    private static float tieBetweenHalves(Random r) {
        // The midpoint of two neighbouring normal halves, exactly representable as a float.
        int h = 0x0400 + r.nextInt(0x7BFF - 0x0400);
        double a = Float16.toFloat((short) h);
        double b = Float16.toFloat((short) (h + 1));
        return (float) ((a + b) / 2) * (r.nextBoolean() ? 1 : -1);
    }

    private static boolean isNearestTiesEven(float f, short h) {
        double x = f;
        double got = Float16.toFloat(h);
        if (Math.abs(x) >= 65520) {
            return Double.isInfinite(got) && Math.signum(got) == Math.signum(x);
        }
        if (Double.isInfinite(got) || (got != 0 && Math.signum(got) != Math.signum(x))) {
            return false;
        }
        int bits = h & 0xFFFF;
        int sign = bits & 0x8000;
        int magnitude = bits & 0x7FFF;
        double err = Math.abs(x - got);
        for (int m : new int[] {magnitude - 1, magnitude + 1}) {
            if (m < 0 || m > 0x7BFF) {
                continue;
            }
            double e = Math.abs(x - Float16.toFloat((short) (sign | m)));
            if (e < err || (e == err && (bits & 1) == 1)) {
                return false;
            }
        }
        return true;
    }
}
