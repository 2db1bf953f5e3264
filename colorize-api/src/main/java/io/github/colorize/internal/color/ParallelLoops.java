package io.github.colorize.internal.color;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Splits large pixel loops into chunks that run on the common {@link
 * java.util.concurrent.ForkJoinPool}. Every chunk computes a disjoint range of outputs with the same
 * arithmetic as the sequential loop, so results do not depend on the number of threads. Arrays below
 * {@link #MIN_PARALLEL} elements run on the calling thread: forking costs more than it saves there.
 *
 * <p>Why the common pool: it is sized to the machine, is shared with callers' own parallel streams
 * (work stealing keeps nested use from oversubscribing), and needs no lifecycle.
 *
 * <p>Stateless and thread-safe.
 */
public final class ParallelLoops {

    /** Element count from which loops are split (a 512×512 image). */
    public static final int MIN_PARALLEL = 1 << 18;

    /** Elements per chunk: large enough to amortise scheduling, small enough to balance. */
    private static final int CHUNK = 1 << 16;

    /** A loop body over {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        /**
         * Runs the loop body for one range.
         *
         * @param from first index, inclusive
         * @param to last index, exclusive
         */
        void run(int from, int to);
    }

    private ParallelLoops() {}

    /**
     * How many threads a parallel loop or stream runs on: the common pool's workers and the caller,
     * which works too while it waits.
     *
     * @return at least 1
     */
    public static int threads() {
        return ForkJoinPool.getCommonPoolParallelism() + 1;
    }

    /**
     * Runs {@code body} over {@code [0, n)} pixels, in parallel chunks when {@code n} is large.
     *
     * @param n number of pixels
     * @param body the loop body; must only write outputs of its own range
     */
    public static void forRange(int n, RangeBody body) {
        forRange(n, 1, body);
    }

    /**
     * Runs {@code body} over {@code [0, n)} elements (pixels, rows) that each cost about {@code
     * work} pixel operations; in parallel chunks of about {@value #CHUNK} pixel operations when the
     * total reaches {@link #MIN_PARALLEL}.
     *
     * @param n number of elements
     * @param work pixel operations per element, at least 1
     * @param body the loop body; must only write outputs of its own range
     */
    public static void forRange(int n, long work, RangeBody body) {
        long per = Math.max(1, work);
        if (n <= 1 || n * per < MIN_PARALLEL) {
            body.run(0, n);
            return;
        }
        int grain = (int) Math.max(1, CHUNK / per);
        int chunks = (n + grain - 1) / grain;
        IntStream.range(0, chunks)
                .parallel()
                .forEach(c -> body.run(c * grain, (int) Math.min(n, (long) (c + 1) * grain)));
    }
}
