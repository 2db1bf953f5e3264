package io.github.colorize.internal.backend;

import java.util.SplittableRandom;

/**
 * One known 2-D convolution for {@link KernelSelfCheck}: shapes, deterministic seeded data (the same
 * numbers on every machine and JVM) and the reference result computed in plain Java with double
 * accumulation. NCHW layout, square kernel, symmetric zero padding, one group, bias. Immutable.
 *
 * @param batch images in the batch (two: libtorch sends batches above one to oneDNN whatever their size)
 * @param inChannels input channels
 * @param outChannels output channels
 * @param height input height
 * @param width input width
 * @param kernel kernel side
 * @param stride stride, both axes
 * @param padding zero padding, every side
 * @param seed seed of the data
 */
public record ConvCase(
        int batch,
        int inChannels,
        int outChannels,
        int height,
        int width,
        int kernel,
        int stride,
        int padding,
        long seed) {

    /** Validates the shapes. */
    public ConvCase {
        if (batch < 1 || inChannels < 1 || outChannels < 1 || kernel < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException("bad convolution case");
        }
        if (height + 2 * padding < kernel || width + 2 * padding < kernel) {
            throw new IllegalArgumentException("kernel larger than the padded input");
        }
    }

    /**
     * Output height.
     *
     * @return rows of the output
     */
    public int outHeight() {
        return (height + 2 * padding - kernel) / stride + 1;
    }

    /**
     * Output width.
     *
     * @return columns of the output
     */
    public int outWidth() {
        return (width + 2 * padding - kernel) / stride + 1;
    }

    /**
     * Products summed into each output (without the bias).
     *
     * @return {@code inChannels * kernel * kernel}
     */
    public int terms() {
        return inChannels * kernel * kernel;
    }

    /**
     * Input shape.
     *
     * @return {@code [batch, inChannels, height, width]}
     */
    public long[] inputShape() {
        return new long[] {batch, inChannels, height, width};
    }

    /**
     * Weight shape.
     *
     * @return {@code [outChannels, inChannels, kernel, kernel]}
     */
    public long[] weightShape() {
        return new long[] {outChannels, inChannels, kernel, kernel};
    }

    /**
     * Output shape.
     *
     * @return {@code [batch, outChannels, outHeight, outWidth]}
     */
    public long[] outputShape() {
        return new long[] {batch, outChannels, outHeight(), outWidth()};
    }

    /**
     * The input, uniform in [-1, 1).
     *
     * @return a fresh array, NCHW
     */
    public float[] input() {
        return uniform(batch * inChannels * height * width, seed, 1.0);
    }

    /**
     * The weights, uniform in ±1/√terms, so that outputs stay near unit size.
     *
     * @return a fresh array, OIHW
     */
    public float[] weight() {
        return uniform(outChannels * terms(), seed + 1, 1.0 / Math.sqrt(terms()));
    }

    /**
     * The bias, uniform in [-0.1, 0.1).
     *
     * @return a fresh array
     */
    public float[] bias() {
        return uniform(outChannels, seed + 2, 0.1);
    }

    /**
     * A short label for messages, such as {@code 3x3 24->32 stride 1}.
     *
     * @return the label
     */
    public String label() {
        return kernel + "x" + kernel + " " + inChannels + "->" + outChannels + " channels, stride " + stride;
    }

    /**
     * The exact-as-possible result and, per output, the sum of the magnitudes of its terms (what float32
     * rounding error is proportional to). Double accumulation of the float32 data.
     *
     * @return {@code [0]} the outputs, {@code [1]} the magnitude sums; NCHW
     */
    public double[][] reference() {
        float[] x = input();
        float[] w = weight();
        float[] b = bias();
        int oh = outHeight();
        int ow = outWidth();
        double[] out = new double[batch * outChannels * oh * ow];
        double[] magnitude = new double[out.length];
        int k = kernel;
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < outChannels; o++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double sum = b[o];
                        double abs = Math.abs(b[o]);
                        for (int c = 0; c < inChannels; c++) {
                            int xBase = (n * inChannels + c) * height;
                            int wBase = (o * inChannels + c) * k;
                            for (int u = 0; u < k; u++) {
                                int y = i * stride + u - padding;
                                if (y < 0 || y >= height) {
                                    continue;
                                }
                                for (int v = 0; v < k; v++) {
                                    int xx = j * stride + v - padding;
                                    if (xx < 0 || xx >= width) {
                                        continue;
                                    }
                                    double p = (double) x[(xBase + y) * width + xx] * w[(wBase + u) * k + v];
                                    sum += p;
                                    abs += Math.abs(p);
                                }
                            }
                        }
                        int at = ((n * outChannels + o) * oh + i) * ow + j;
                        out[at] = sum;
                        magnitude[at] = abs;
                    }
                }
            }
        }
        return new double[][] {out, magnitude};
    }

    private static float[] uniform(int n, long seed, double scale) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
        }
        return a;
    }
}
