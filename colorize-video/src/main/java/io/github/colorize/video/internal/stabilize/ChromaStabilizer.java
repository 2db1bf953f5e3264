package io.github.colorize.video.internal.stabilize;

import io.github.colorize.internal.color.ParallelLoops;
import java.util.Arrays;

/**
 * Keeps the colours of one shot steady: a motion-compensated, confidence-weighted running average
 * of the predicted chroma, reset at scene cuts, put back under each frame's own luminance.
 *
 * <p>Chroma is carried at cell resolution (3 pixels at 768×576, 8 at 1920×1080): models predict
 * colour at a few hundred pixels, and what a colourised frame has below that scale was measured to be
 * frame-to-frame noise (keeping it held the flicker of vtest.avi at three quarters of the
 * unstabilised figure instead of under a third, for no PSNR).
 *
 * <p>Per frame, on a grid of about {@value Grid#TARGET_SIDE} cells on the long side:
 *
 * <ol>
 *   <li>the original's luma and the colourised frame's CIE a*b* are averaged per cell;
 *   <li>{@link SceneCutDetector} decides whether a new shot starts; if so the state is reset to this
 *       frame's chroma and the frame passes through;
 *   <li>{@link BlockMotion} finds, for each cell, where its content was in the previous frame;
 *   <li>each cell's confidence {@code c = max(0, 1 − e/τ)} falls with the luma residual {@code e}
 *       left after motion compensation, with {@code τ} adapted to the footage's noise ({@code τ =
 *       max(}{@value #MIN_TOLERANCE}{@code , }{@value #NOISE_FACTOR}{@code ·median e)}): occlusions,
 *       objects entering, missed motion get little or no history;
 *   <li>the state, warped along the motion, is averaged with the new prediction: with {@code n} the
 *       warped history length, {@code w = min(c·n, memory − 1)}, {@code s' = (w·s + a)/(w + 1)},
 *       {@code n' = w + 1}; so a cell steadily seen averages its last {@code memory} frames or so, a
 *       cell uncovered this frame starts afresh;
 *   <li>the state is interpolated bilinearly to full resolution and put, as the frame's a*b*, under
 *       the original's L* (the toolkit's exact Lab arithmetic, tabulated for speed: {@link FastLab}),
 *       so every frame keeps its own lightness up to 8-bit rounding.
 * </ol>
 *
 * <p>Not thread-safe: one instance per stream, frames in order.
 */
public final class ChromaStabilizer {

    /** Default history length: frames a steady cell is averaged over. */
    public static final int DEFAULT_MEMORY = 24;

    /** Slots of the lightness cache (a power of two, at least 256 for gray frames; 36 KB). */
    private static final int PARTS_SLOTS = 1024;

    static final float MIN_TOLERANCE = 8f;
    static final float NOISE_FACTOR = 4f;

    private final int memory;
    private Grid grid;
    private BlockMotion motion;
    private final SceneCutDetector cuts = new SceneCutDetector();
    private float[] prevLuma;
    private float[] stateA;
    private float[] stateB;
    private float[] history;
    private long frames;
    private long cutCount;
    private boolean lastCut;
    private double lastConfidence;
    /** Per grid: sampling positions, and the state interpolated along each grid row. */
    private Axis columns;

    private Axis rows;
    private float[] rowsA;
    private float[] rowsB;

    /**
     * Creates a stabiliser with the default memory.
     */
    public ChromaStabilizer() {
        this(DEFAULT_MEMORY);
    }

    /**
     * Creates a stabiliser.
     *
     * @param memory the longest history a cell is averaged over, in frames (1 turns smoothing off)
     */
    public ChromaStabilizer(int memory) {
        if (memory < 1) {
            throw new IllegalArgumentException("memory must be at least 1, got " + memory);
        }
        this.memory = memory;
    }

    /**
     * Stabilises one frame.
     *
     * @param original the frame as decoded (its luminance is kept), packed {@code 0xRRGGBB}
     * @param colour the colourised frame, same size
     * @param width frame width
     * @param height frame height
     * @return a new frame: the original's luminance, the stabilised chroma
     */
    public int[] process(int[] original, int[] color, int width, int height) {
        if (original.length != color.length || original.length != width * height) {
            throw new IllegalArgumentException("frame sizes differ");
        }
        if (grid == null || grid.width() != width || grid.height() != height) {
            grid = Grid.forFrame(width, height);
            motion = new BlockMotion(grid);
            prevLuma = null;
            columns = new Axis(width, grid.gw(), grid.cell());
            rows = new Axis(height, grid.gh(), grid.cell());
            rowsA = new float[grid.gh() * width];
            rowsB = new float[grid.gh() * width];
        }
        int n = grid.size();
        float[] luma = grid.luma(original);
        float[] a = new float[n];
        float[] b = new float[n];
        chromaMeans(color, a, b);
        double distance = cuts.distance(luma);
        boolean reset = prevLuma == null;
        if (!reset) {
            motion.estimate(prevLuma, luma);
            float median = median(motion.residual);
            reset = SceneCutDetector.isCut(distance, median);
            if (reset) {
                cutCount++;
            } else {
                blend(a, b, Math.max(MIN_TOLERANCE, NOISE_FACTOR * median));
            }
        }
        lastCut = reset && prevLuma != null;
        if (reset) {
            stateA = a.clone();
            stateB = b.clone();
            history = new float[n];
            Arrays.fill(history, 1f);
            lastConfidence = 0;
        }
        prevLuma = luma;
        frames++;
        return recombine(original);
    }

    private void blend(float[] a, float[] b, float tolerance) {
        int n = grid.size();
        int gw = grid.gw();
        float[] newA = new float[n];
        float[] newB = new float[n];
        float[] newHistory = new float[n];
        double confidenceSum = 0;
        for (int i = 0; i < n; i++) {
            int x = i % gw;
            int y = i / gw;
            int sx = BlockMotion.clamp(x + motion.dx[i], gw);
            int sy = BlockMotion.clamp(y + motion.dy[i], grid.gh());
            int j = sy * gw + sx;
            float c = Math.max(0f, 1f - motion.residual[i] / tolerance);
            confidenceSum += c;
            // The new state averages this frame and at most memory − 1 frames of history.
            float w = Math.min(c * history[j], memory - 1);
            newA[i] = (w * stateA[j] + a[i]) / (w + 1);
            newB[i] = (w * stateB[j] + b[i]) / (w + 1);
            newHistory[i] = w + 1;
        }
        stateA = newA;
        stateB = newB;
        history = newHistory;
        lastConfidence = confidenceSum / n;
    }

    /**
     * The mean CIE a* and b* of each cell, in one pass without full-size planes: every cell sums the
     * same values in the same order as averaging full-resolution a* and b* planes would.
     */
    private void chromaMeans(int[] color, float[] a, float[] b) {
        int w = grid.width();
        int h = grid.height();
        int cell = grid.cell();
        int gw = grid.gw();
        // Bands of whole grid rows: every cell is summed by one thread, in pixel order.
        ParallelLoops.forRange(grid.gh(), (long) cell * w, (fromRow, toRow) -> {
            double[] v = new double[3];
            for (int y = fromRow * cell; y < Math.min(h, toRow * cell); y++) {
                int row = (y / cell) * gw;
                int base = y * w;
                for (int cx = 0, x = 0; cx < gw; cx++) {
                    int end = Math.min(w, x + cell);
                    float sa = a[row + cx];
                    float sb = b[row + cx];
                    for (; x < end; x++) {
                        FastLab.lab(color[base + x], v);
                        sa += (float) v[1];
                        sb += (float) v[2];
                    }
                    a[row + cx] = sa;
                    b[row + cx] = sb;
                }
            }
        });
        int[] count = grid.counts();
        for (int i = 0; i < a.length; i++) {
            a[i] /= count[i];
            b[i] /= count[i];
        }
    }

    /**
     * The stabilised chroma, interpolated bilinearly between cell centres (half-pixel convention,
     * edges clamped), under the original's L*.
     *
     * <p>Computed as a separable interpolation: each grid row is interpolated along x once, then each
     * pixel between its two rows; and the terms of the Lab-to-RGB conversion that depend on L* alone
     * are kept per pixel value (a gray frame has 256). Both give exactly the arithmetic of
     * interpolating and converting pixel by pixel. Bands of rows run in parallel, each writing its own
     * pixels, so the result does not depend on the number of threads.
     */
    private int[] recombine(int[] original) {
        int w = grid.width();
        int h = grid.height();
        int gw = grid.gw();
        for (int r = 0; r < grid.gh(); r++) {
            interpolateRow(stateA, r * gw, rowsA, r * w);
            interpolateRow(stateB, r * gw, rowsB, r * w);
        }
        int[] out = new int[w * h];
        ParallelLoops.forRange(h, w, (fromY, toY) -> {
            // Each band keeps its own cache; misses only recompute the same values.
            int[] key = new int[PARTS_SLOTS];
            Arrays.fill(key, -1);
            double[] parts = new double[PARTS_SLOTS * FastLab.PARTS];
            for (int y = fromY; y < toY; y++) {
                int r0 = rows.lo[y] * w;
                int r1 = rows.hi[y] * w;
                float fy = rows.frac[y];
                int base = y * w;
                for (int x = 0; x < w; x++) {
                    int p = original[base + x] & 0xFFFFFF;
                    // Gray pixels (v·0x010101) land in slot v: the 256 of a gray frame never collide.
                    int slot = (p ^ (p >>> 8) ^ (p >>> 16)) & (PARTS_SLOTS - 1);
                    if (key[slot] != p) {
                        FastLab.lightnessParts(FastLab.lightness(p), parts, slot * FastLab.PARTS);
                        key[slot] = p;
                    }
                    float topA = rowsA[r0 + x];
                    float topB = rowsB[r0 + x];
                    float ca = topA + (rowsA[r1 + x] - topA) * fy;
                    float cb = topB + (rowsB[r1 + x] - topB) * fy;
                    out[base + x] = FastLab.rgb(parts, slot * FastLab.PARTS, ca, cb);
                }
            }
        });
        return out;
    }

    /** One grid row of a state plane interpolated to every pixel column. */
    private void interpolateRow(float[] plane, int from, float[] out, int to) {
        for (int x = 0; x < columns.lo.length; x++) {
            float lo = plane[from + columns.lo[x]];
            out[to + x] = lo + (plane[from + columns.hi[x]] - lo) * columns.frac[x];
        }
    }

    /** Bilinear sampling positions of pixel centres between cell centres along one axis. */
    private static final class Axis {
        final int[] lo;
        final int[] hi;
        final float[] frac;

        Axis(int pixels, int cells, int cell) {
            lo = new int[pixels];
            hi = new int[pixels];
            frac = new float[pixels];
            for (int p = 0; p < pixels; p++) {
                double g = (p + 0.5) / cell - 0.5;
                if (g <= 0) {
                    continue; // lo = hi = 0
                }
                int i = (int) g;
                lo[p] = Math.min(i, cells - 1);
                hi[p] = Math.min(i + 1, cells - 1);
                frac[p] = (float) (g - i);
            }
        }
    }

    /** The upper median (the value a sort would put at {@code length / 2}), by quickselect. */
    static float median(float[] values) {
        float[] v = values.clone();
        int k = v.length / 2;
        int lo = 0;
        int hi = v.length - 1;
        while (lo < hi) {
            // Hoare partition around the middle element; narrows to the side holding position k.
            float pivot = v[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (v[i] < pivot) {
                    i++;
                }
                while (v[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    float t = v[i];
                    v[i] = v[j];
                    v[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return v[k];
            }
        }
        return v[k];
    }

    /** @return frames processed */
    public long frames() {
        return frames;
    }

    /** @return scene cuts found (the first frame does not count) */
    public long cuts() {
        return cutCount;
    }

    /** @return whether the last frame processed started a new shot (not counting the first frame) */
    public boolean lastWasCut() {
        return lastCut;
    }

    /** @return the mean per-cell confidence of the last frame (0 after a reset) */
    public double lastConfidence() {
        return lastConfidence;
    }
}
