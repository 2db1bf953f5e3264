package io.github.colorize.onnx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.platform.Fp16Conversions;
import java.nio.FloatBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fp16 conversion both backends use, ONNX Runtime's {@link Fp16Conversions} (the ONNX backend here,
 * DJL's ONNX Runtime engine in colorize-djl): on Java 17 it falls back to its own Java code, on 20+
 * to {@code Float.floatToFloat16}. Pinned here because fp16 cards' golden results depend on it:
 * round to nearest, ties to even, as the hardware and NumPy do; signed zeros, subnormals,
 * infinities and NaN kept.
 */
class Fp16ConversionsTest {

    @Test
    void everyHalfRoundTripsExactly() {
        for (int h = 0; h <= 0xFFFF; h++) {
            short half = (short) h;
            float f = Fp16Conversions.fp16ToFloat(half);
            if (Float.isNaN(f)) {
                assertThat((h & 0x7C00) == 0x7C00 && (h & 0x3FF) != 0)
                        .as("NaN half 0x%04x", h)
                        .isTrue();
                assertThat(Float.isNaN(Fp16Conversions.fp16ToFloat(Fp16Conversions.floatToFp16(f))))
                        .isTrue();
                continue;
            }
            assertThat(Fp16Conversions.floatToFp16(f))
                    .as("round trip 0x%04x", h)
                    .isEqualTo(half);
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
            short h = Fp16Conversions.floatToFp16(f);
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
        assertThat(Fp16Conversions.floatToFp16(f) & 0xFFFF).isEqualTo(Integer.decode(hex));
    }

    @Test
    void nanStaysNan() {
        assertThat(Float.isNaN(Fp16Conversions.fp16ToFloat(Fp16Conversions.floatToFp16(Float.NaN))))
                .isTrue();
    }

    @Test
    void buffersConvertElementWise() {
        float[] f = {0.5f, -1.25f, 200f};
        FloatBuffer back = Fp16Conversions.convertFp16BufferToFloatBuffer(
                Fp16Conversions.convertFloatBufferToFp16Buffer(FloatBuffer.wrap(f)));
        float[] out = new float[back.remaining()];
        back.get(out);
        assertThat(out).containsExactly(f);
    }

    private static float tieBetweenHalves(Random r) {
        // The midpoint of two neighbouring normal halves, exactly representable as a float.
        int h = 0x0400 + r.nextInt(0x7BFF - 0x0400);
        double a = Fp16Conversions.fp16ToFloat((short) h);
        double b = Fp16Conversions.fp16ToFloat((short) (h + 1));
        return (float) ((a + b) / 2) * (r.nextBoolean() ? 1 : -1);
    }

    private static boolean isNearestTiesEven(float f, short h) {
        double x = f;
        double got = Fp16Conversions.fp16ToFloat(h);
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
            double e = Math.abs(x - Fp16Conversions.fp16ToFloat((short) (sign | m)));
            if (e < err || (e == err && (bits & 1) == 1)) {
                return false;
            }
        }
        return true;
    }
}
