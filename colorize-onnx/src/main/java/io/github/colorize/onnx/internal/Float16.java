package io.github.colorize.onnx.internal;

/**
 * IEEE 754 half-precision conversions for fp16 graphs on Java 17 ({@code Float.floatToFloat16}
 * arrived in Java 20). Rounds to nearest, ties to even, like the hardware and NumPy do; keeps signed
 * zeros, subnormals, infinities and NaN. Static and thread-safe.
 */
public final class Float16 {

    private Float16() {}

    /**
     * Converts a float to the nearest half.
     *
     * @param f the value
     * @return the half's 16 bits
     */
    public static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exp = (bits >>> 23) & 0xFF;
        int mant = bits & 0x7FFFFF;
        if (exp == 0xFF) {
            // Infinity stays infinity; NaN stays a (quiet) NaN with some payload kept.
            return (short) (sign | 0x7C00 | (mant == 0 ? 0 : 0x200 | (mant >>> 13)));
        }
        int e = exp - 127 + 15;
        if (e >= 0x1F) {
            return (short) (sign | 0x7C00);
        }
        if (e <= 0) {
            if (e < -10) {
                // Below half the smallest subnormal: rounds to zero.
                return (short) sign;
            }
            // Subnormal half: shift the full significand (with its implicit 1) into place.
            int m = mant | 0x800000;
            int shift = 14 - e;
            int half = m >>> shift;
            int rest = m & ((1 << shift) - 1);
            int halfway = 1 << (shift - 1);
            if (rest > halfway || (rest == halfway && (half & 1) != 0)) {
                half++;
            }
            return (short) (sign | half);
        }
        int half = (e << 10) | (mant >>> 13);
        int rest = mant & 0x1FFF;
        if (rest > 0x1000 || (rest == 0x1000 && (half & 1) != 0)) {
            // A carry out of the significand correctly bumps the exponent, up to infinity.
            half++;
        }
        return (short) (sign | half);
    }

    /**
     * Converts a half to a float exactly.
     *
     * @param h the half's 16 bits
     * @return the value
     */
    public static float toFloat(short h) {
        int bits = h & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1F;
        int mant = bits & 0x3FF;
        if (exp == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        }
        if (exp == 0) {
            if (mant == 0) {
                return Float.intBitsToFloat(sign);
            }
            // Subnormal: value = mant × 2^-24, exact in float.
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }

    /**
     * Converts an array.
     *
     * @param src floats
     * @return new halves
     */
    public static short[] fromFloats(float[] src) {
        short[] out = new short[src.length];
        for (int i = 0; i < src.length; i++) {
            out[i] = fromFloat(src[i]);
        }
        return out;
    }

    /**
     * Converts an array.
     *
     * @param src halves
     * @return new floats
     */
    public static float[] toFloats(short[] src) {
        float[] out = new float[src.length];
        for (int i = 0; i < src.length; i++) {
            out[i] = toFloat(src[i]);
        }
        return out;
    }
}
