package io.github.colorize.internal.pipeline;

/**
 * How far two packed-RGB images are apart, per channel byte: the measure the golden tests bound ("≥ 99.9 %
 * identical bytes, max |Δ| ≤ n"), since float colour maths can flip a byte that lies next to an integer.
 */
record ByteComparison(long bytes, long identical, int maxAbs) {

    static ByteComparison of(int[] expected, int[] actual) {
        if (expected.length != actual.length) {
            throw new AssertionError("pixel counts differ: " + expected.length + " vs " + actual.length);
        }
        long same = 0;
        int max = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                int d = Math.abs(((expected[i] >>> shift) & 0xFF) - ((actual[i] >>> shift) & 0xFF));
                if (d == 0) {
                    same++;
                }
                max = Math.max(max, d);
            }
        }
        return new ByteComparison(3L * expected.length, same, max);
    }

    double identicalFraction() {
        return (double) identical / bytes;
    }

    @Override
    public String toString() {
        return String.format(
                java.util.Locale.ROOT,
                "max|Δ|=%d, identical=%.4f%% (%d of %d bytes differ)",
                maxAbs,
                100 * identicalFraction(),
                bytes - identical,
                bytes);
    }
}
