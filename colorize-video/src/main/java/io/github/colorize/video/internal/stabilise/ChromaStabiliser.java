package io.github.colorize.video.internal.stabilise;

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
public final class ChromaStabiliser {

    /** Default history length: frames a steady cell is averaged over. */
    public static final int DEFAULT_MEMORY = 10;

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

    /**
     * Creates a stabiliser with the default memory.
     */
    public ChromaStabiliser() {
        this(DEFAULT_MEMORY);
    }

    /**
     * Creates a stabiliser.
     *
     * @param memory the longest history a cell is averaged over, in frames (1 turns smoothing off)
     */
    public ChromaStabiliser(int memory) {
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
    public int[] process(int[] original, int[] colour, int width, int height) {
        if (original.length != colour.length || original.length != width * height) {
            throw new IllegalArgumentException("frame sizes differ");
        }
        if (grid == null || grid.width() != width || grid.height() != height) {
            grid = Grid.forFrame(width, height);
            motion = new BlockMotion(grid);
            prevLuma = null;
        }
        int n = grid.size();
        float[] luma = grid.luma(original);
        int px = width * height;
        float[] fa = new float[px];
        float[] fb = new float[px];
        double[] v = new double[3];
        for (int i = 0; i < px; i++) {
            FastLab.lab(colour[i], v);
            fa[i] = (float) v[1];
            fb[i] = (float) v[2];
        }
        float[] a = grid.mean(fa);
        float[] b = grid.mean(fb);
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
     * The stabilised chroma, interpolated bilinearly between cell centres (half-pixel convention,
     * edges clamped), under the original's L*.
     */
    private int[] recombine(int[] original) {
        int w = grid.width();
        int h = grid.height();
        int gw = grid.gw();
        Axis ax = new Axis(w, gw, grid.cell());
        Axis ay = new Axis(h, grid.gh(), grid.cell());
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            int r0 = ay.lo[y] * gw;
            int r1 = ay.hi[y] * gw;
            float fy = ay.frac[y];
            for (int x = 0; x < w; x++) {
                int i00 = r0 + ax.lo[x];
                int i01 = r0 + ax.hi[x];
                int i10 = r1 + ax.lo[x];
                int i11 = r1 + ax.hi[x];
                float fx = ax.frac[x];
                int i = y * w + x;
                out[i] = FastLab.rgb(
                        FastLab.lightness(original[i]),
                        bilinear(stateA, i00, i01, i10, i11, fx, fy),
                        bilinear(stateB, i00, i01, i10, i11, fx, fy));
            }
        }
        return out;
    }

    private static float bilinear(float[] p, int i00, int i01, int i10, int i11, float fx, float fy) {
        float top = p[i00] + (p[i01] - p[i00]) * fx;
        float bottom = p[i10] + (p[i11] - p[i10]) * fx;
        return top + (bottom - top) * fy;
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

    static float median(float[] values) {
        float[] copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
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
