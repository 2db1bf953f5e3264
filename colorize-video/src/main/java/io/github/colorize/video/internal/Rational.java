package io.github.colorize.video.internal;

import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * A rational number as FFmpeg uses for time bases and frame rates, held in Java (no native memory).
 * Immutable.
 *
 * @param num numerator
 * @param den denominator
 */
public record Rational(int num, int den) {

    /**
     * Copies a native rational.
     *
     * @param r the native value
     * @return the copy
     */
    public static Rational of(AVRational r) {
        return new Rational(r.num(), r.den());
    }

    /**
     * Whether both parts are positive (FFmpeg uses 0/0 or 0/1 for "unknown").
     *
     * @return true for a usable value
     */
    public boolean valid() {
        return num > 0 && den > 0;
    }

    /**
     * The value as a double.
     *
     * @return num/den, or 0 when invalid
     */
    public double value() {
        return den == 0 ? 0 : (double) num / den;
    }

    /**
     * A new native rational; the caller owns it (it is freed with the Java object).
     *
     * @return the native value
     */
    public AVRational toNative() {
        return avutil.av_make_q(num, den);
    }

    /**
     * Rescales a timestamp from this time base to another, rounding to nearest.
     *
     * @param ts the timestamp in units of this time base
     * @param to the target time base
     * @return the timestamp in units of {@code to}
     */
    public long rescale(long ts, Rational to) {
        return avutil.av_rescale_q(ts, toNative(), to.toNative());
    }

    @Override
    public String toString() {
        return num + "/" + den;
    }
}
