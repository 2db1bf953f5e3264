package io.github.colorize.internal.color;

/**
 * {@link LabVariant#OPENCV}: OpenCV 4.6's float {@code COLOR_RGB2Lab} and {@code COLOR_Lab2RGB}
 * with the default sRGB/D65 settings ({@code modules/imgproc/src/color_lab.cpp}), as DDColor calls them.
 *
 * <p><b>RGB→Lab</b> is bit-exact: each channel is clipped to [0,1] and scaled to {@code c =
 * RNE(v·2^14)}; the Lab value is interpolated trilinearly, in fixed point, from a 33×33×33 table
 * ({@link OpenCvLabTable}, captured from OpenCV itself at the grid colours). 8-bit input is first
 * turned into float32 as {@code float32(code / 255.0)}, as DDColor's {@code (img / 255.0)
 * .astype(float32)} does.
 *
 * <p><b>Lab→RGB</b> follows the x86 SSE2 kernel's float32 arithmetic (multiplications by the
 * float32 reciprocals 1/903.3, 1/116, 0.002, 0.005, 1/7.787; no clamping of Z; XYZ→RGB matrix times
 * the white point, rounded to float32; linear RGB clipped to [0,1]) and OpenCV's natural cubic spline
 * through 1025 samples of the sRGB curve. OpenCV processes the last {@code width mod 8} pixels of a
 * row with true divisions instead; the difference is a few float32 ulps (≤ 2e-6 after the curve).
 *
 * <p>Immutable and thread-safe once the class is initialised.
 */
final class OpenCvLab implements LabConverter {

    /** Lazy holder: the table is loaded only when the OpenCV variant is first used. */
    static final class Holder {
        static final OpenCvLab INSTANCE = new OpenCvLab();

        private Holder() {}
    }

    private static final int LAB_BASE = 1 << 14;
    private static final int DIM = OpenCvLabTable.DIM;
    private static final float GAMMA_TAB_SCALE = 1024f;

    private static final float INV_903_3 = 1.0f / 903.3f;
    private static final float INV_116 = 1.0f / 116.0f;
    private static final float INV_7_787 = 1.0f / 7.787f;
    private static final float SIXTEEN_116 = 16.0f / 116.0f;
    private static final float L_THRESHOLD = 8f;
    private static final float F_THRESHOLD = 6f / 29f;

    /** XYZ(D65-normalised) → linear sRGB, OpenCV's hard-coded matrix (rows R, G, B). */
    private static final double[][] XYZ_TO_RGB = {
        {3.240479, -1.53715, -0.498535},
        {-0.969256, 1.875991, 0.041556},
        {0.055648, -0.204043, 1.057311}
    };

    /** OpenCV's D65 white: the row sums of the sRGB→XYZ matrix. */
    private static final double[] WHITE = {0.950456, 1.0, 1.088754};

    /** The table as ints, index {@code ((r·33 + g)·33 + b)·3 + channel}. */
    private final int[] table;

    private final float[] coeffs = new float[9];
    private final float[] invGammaSpline;
    /** {@code RNE(float32(code / 255.0) · 2^14)} for the 256 8-bit codes. */
    private final int[] fixed8 = new int[256];

    private OpenCvLab() {
        short[] t = OpenCvLabTable.load();
        this.table = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            table[i] = t[i];
        }
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                coeffs[row * 3 + col] = (float) (XYZ_TO_RGB[row][col] * WHITE[col]);
            }
        }
        this.invGammaSpline = OpenCvSpline.build(OpenCvSpline.inverseGammaSamples(1024));
        for (int i = 0; i < 256; i++) {
            fixed8[i] = toFixed((float) (i / 255.0));
        }
    }

    @Override
    public LabVariant variant() {
        return LabVariant.OPENCV;
    }

    @Override
    public void rgbToLab(int[] rgb, float[] l, float[] a, float[] b) {
        AnalyticLab.checkLengths(rgb.length, l, a, b);
        ParallelLoops.forRange(rgb.length, (from, to) -> {
            int[] out = new int[3];
            for (int i = from; i < to; i++) {
                int p = rgb[i];
                interpolate(fixed8[(p >> 16) & 0xFF], fixed8[(p >> 8) & 0xFF], fixed8[p & 0xFF], out);
                l[i] = toL(out[0]);
                a[i] = toAb(out[1]);
                b[i] = toAb(out[2]);
            }
        });
    }

    @Override
    public double[] rgbToLab(double r, double g, double b) {
        int[] out = new int[3];
        interpolate(toFixed((float) r), toFixed((float) g), toFixed((float) b), out);
        return new double[] {toL(out[0]), toAb(out[1]), toAb(out[2])};
    }

    @Override
    public int[] labToRgb(float[] l, float[] a, float[] b) {
        AnalyticLab.checkLengths(l.length, l, a, b);
        int[] rgb = new int[l.length];
        ParallelLoops.forRange(rgb.length, (from, to) -> {
            float[] out = new float[3];
            for (int i = from; i < to; i++) {
                toRgb(l[i], a[i], b[i], out);
                rgb[i] = to8(out[0]) << 16 | to8(out[1]) << 8 | to8(out[2]);
            }
        });
        return rgb;
    }

    @Override
    public double[] labToRgb(double l, double a, double b) {
        float[] out = new float[3];
        toRgb((float) l, (float) a, (float) b, out);
        return new double[] {out[0], out[1], out[2]};
    }

    private static int toFixed(float v) {
        float c = v > 0 ? Math.min(v, 1f) : 0f; // NaN clips to 0 here
        return (int) Math.rint(c * LAB_BASE);
    }

    private static float toL(int iL) {
        return (iL * 1.0f / LAB_BASE) * 100.0f;
    }

    private static float toAb(int ia) {
        return (ia * 1.0f / LAB_BASE) * 256.0f - 128.0f;
    }

    private static int to8(float x) {
        return (int) Math.rint(x * 255f);
    }

    /**
     * Fixed-point trilinear interpolation of the table at (r, g, b), each in [0, 2^14]: weights are
     * products of 4-bit fractions (they sum to 4096), the integer sum is rounded by {@code >> 12}.
     */
    private void interpolate(int r, int g, int b, int[] out) {
        int r0 = r >> 9, g0 = g >> 9, b0 = b >> 9;
        int fr = (r >> 5) & 15, fg = (g >> 5) & 15, fb = (b >> 5) & 15;
        // At the upper edge (c = 2^14) the fraction is 0, so the clamped neighbour has weight 0.
        int dr = r0 < DIM - 1 ? DIM * DIM * 3 : 0;
        int dg = g0 < DIM - 1 ? DIM * 3 : 0;
        int db = b0 < DIM - 1 ? 3 : 0;
        int i000 = ((r0 * DIM + g0) * DIM + b0) * 3;
        int i001 = i000 + db;
        int i010 = i000 + dg;
        int i011 = i010 + db;
        int i100 = i000 + dr;
        int i101 = i100 + db;
        int i110 = i100 + dg;
        int i111 = i110 + db;
        int wr0 = 16 - fr, wg0 = 16 - fg, wb0 = 16 - fb;
        int w00 = wr0 * wg0, w01 = wr0 * fg, w10 = fr * wg0, w11 = fr * fg;
        int w000 = w00 * wb0, w001 = w00 * fb, w010 = w01 * wb0, w011 = w01 * fb;
        int w100 = w10 * wb0, w101 = w10 * fb, w110 = w11 * wb0, w111 = w11 * fb;
        int[] t = table;
        for (int c = 0; c < 3; c++) {
            int s = w000 * t[i000 + c]
                    + w001 * t[i001 + c]
                    + w010 * t[i010 + c]
                    + w011 * t[i011 + c]
                    + w100 * t[i100 + c]
                    + w101 * t[i101 + c]
                    + w110 * t[i110 + c]
                    + w111 * t[i111 + c];
            out[c] = (s + 2048) >> 12;
        }
    }

    /** Float32 Lab → clipped, encoded sRGB, as OpenCV's SSE2 kernel computes it. */
    private void toRgb(float li, float ai, float bi, float[] out) {
        float y;
        float fy;
        if (li <= L_THRESHOLD) {
            y = li * INV_903_3;
            fy = 7.787f * y + SIXTEEN_116;
        } else {
            fy = (li + 16.0f) * INV_116;
            y = fy * fy * fy;
        }
        float fx = fy + ai * 0.002f;
        float fz = fy - bi * 0.005f;
        float x = fx <= F_THRESHOLD ? (fx - SIXTEEN_116) * INV_7_787 : fx * fx * fx;
        float z = fz <= F_THRESHOLD ? (fz - SIXTEEN_116) * INV_7_787 : fz * fz * fz;
        for (int k = 0; k < 3; k++) {
            float v = coeffs[k * 3] * x + coeffs[k * 3 + 1] * y + coeffs[k * 3 + 2] * z;
            v = v > 0 ? Math.min(v, 1f) : 0f;
            out[k] = OpenCvSpline.interpolate(v * GAMMA_TAB_SCALE, invGammaSpline, 1024);
        }
    }
}
