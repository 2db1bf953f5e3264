package io.github.colorize.internal.pipeline;

import io.github.colorize.ModelException;
import java.util.Arrays;

/** Small array helpers shared by the pipelines: tensor planes, shape checks, channel order. */
final class Planes {

    private Planes() {}

    /** Rejects a pixel array that does not match its stated size. */
    static void checkPhoto(int[] rgb, int w, int h) {
        if (w <= 0 || h <= 0 || (long) w * h != rgb.length) {
            throw new IllegalArgumentException("photo is " + w + "x" + h + " but has " + rgb.length + " pixels");
        }
    }

    /**
     * Checks that a model output is {@code [1, channels, h, w]}, with {@code w × h} the size the spec
     * expects for the prepared input (its size divided by the card's output scale), and returns {@code
     * {w, h}}.
     *
     * @throws ModelException naming the family and the shape when it is not
     */
    static int[] expectOutput(Tensor out, int channels, PipelineSpec spec, Prepared p, String family) {
        long[] s = out.shape();
        if (s.length != 4 || s[0] != 1 || s[1] != channels) {
            throw new ModelException(family + " model output '" + out.name() + "' must have shape [1, " + channels
                    + ", H, W], got " + Arrays.toString(s));
        }
        int[] want = spec.outputSize(p.modelWidth(), p.modelHeight());
        if (out.dim(3) != want[0] || out.dim(2) != want[1]) {
            throw new ModelException(family + " model output '" + out.name() + "' must be " + want[0] + "x" + want[1]
                    + " for this input, got " + Arrays.toString(s));
        }
        return want;
    }

    /** Families that predict one value per input pixel from one input: output scale 1, no extra inputs. */
    static void requirePerPixel(PipelineSpec spec, String family) {
        if (spec.outputScale() != 1 || !spec.auxiliaryInputs().isEmpty()) {
            throw new IllegalArgumentException(family + " graphs take one input and answer at its size; got output"
                    + " scale " + spec.outputScale() + " and extra inputs " + spec.auxiliaryInputs());
        }
    }

    /** Channel {@code c} of a {@code [1, C, H, W]} tensor as a fresh plane. */
    static float[] channel(Tensor t, int c) {
        int plane = t.dim(2) * t.dim(3);
        return Arrays.copyOfRange(t.data(), c * plane, (c + 1) * plane);
    }

    /** Planes laid end to end: the data of a {@code [1, planes.length, H, W]} tensor. */
    static float[] concat(float[]... planes) {
        int n = planes[0].length;
        float[] out = new float[n * planes.length];
        for (int c = 0; c < planes.length; c++) {
            System.arraycopy(planes[c], 0, out, c * n, n);
        }
        return out;
    }

    /**
     * Swaps red and blue. DeOldify hands OpenCV RGB arrays with BGR conversion codes, so its YUV
     * recombination is the RGB one applied to channel-swapped pixels.
     */
    static int[] swapRedBlue(int[] rgb) {
        int[] out = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            out[i] = ((p & 0xFF) << 16) | (p & 0xFF00) | ((p >>> 16) & 0xFF);
        }
        return out;
    }

    /** Multiplies a plane in place by {@code s} (float32, as the reference would), unless {@code s == 1}. */
    static float[] scale(float[] plane, float s) {
        if (s != 1f) {
            for (int i = 0; i < plane.length; i++) {
                plane[i] *= s;
            }
        }
        return plane;
    }
}
