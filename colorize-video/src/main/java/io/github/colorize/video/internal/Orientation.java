package io.github.colorize.video.internal;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.IntPointer;

/**
 * How stored frames must be turned to be seen upright: one of the eight right-angle rotations and
 * mirrorings a display matrix can ask for. Phones record in the sensor's orientation and tag the
 * stream with a display matrix (rotation side data; the old MP4 {@code rotate} tag becomes one);
 * players turn the picture when showing it. Immutable, thread-safe.
 *
 * <p>The names say what is done to the stored picture: {@link #CLOCKWISE} turns it a quarter turn
 * clockwise, as FFmpeg's {@code transpose=clock} does.
 */
public enum Orientation {
    /** Already upright. */
    UPRIGHT(false),
    /** A quarter turn clockwise ({@code transpose=clock}). */
    CLOCKWISE(true),
    /** A half turn ({@code hflip,vflip}). */
    HALF_TURN(false),
    /** A quarter turn counter-clockwise ({@code transpose=cclock}). */
    COUNTER_CLOCKWISE(true),
    /** Mirrored left to right ({@code hflip}). */
    MIRROR(false),
    /** Mirrored top to bottom ({@code vflip}). */
    FLIP(false),
    /** Mirrored across the main diagonal ({@code transpose=cclock_flip}). */
    TRANSPOSE(true),
    /** Mirrored across the other diagonal ({@code transpose=clock_flip}). */
    TRANSVERSE(true);

    /** Values in a display matrix. */
    static final int MATRIX_SIZE = 9;

    /** Angles closer than this to a right angle count as that right angle, as in FFmpeg's tools. */
    private static final double TOLERANCE_DEGREES = 1.0;

    private final boolean swapsAxes;

    Orientation(boolean swapsAxes) {
        this.swapsAxes = swapsAxes;
    }

    /**
     * A defensive copy of a display matrix, for the records that carry one.
     *
     * @param matrix 9 values, or null for none
     * @return a copy, or null
     * @throws IllegalArgumentException if the matrix does not have 9 values
     */
    static int[] copyOfMatrix(int[] matrix) {
        return matrix == null ? null : checkSize(matrix).clone();
    }

    private static int[] checkSize(int[] matrix) {
        if (matrix.length != MATRIX_SIZE) {
            throw new IllegalArgumentException("a display matrix has 9 values, got " + matrix.length);
        }
        return matrix;
    }

    /**
     * The display matrix of a stream: FFmpeg puts the container's (MP4 {@code tkhd}, Matroska
     * projection, the old {@code rotate} tag) into the stream's coded side data.
     *
     * @param par the stream's parameters
     * @return the 9 values, or null when the stream has none
     */
    public static int[] readDisplayMatrix(AVCodecParameters par) {
        AVPacketSideData all = par.coded_side_data();
        if (all == null || all.isNull() || par.nb_coded_side_data() <= 0) {
            return null;
        }
        AVPacketSideData sd =
                avcodec.av_packet_side_data_get(all, par.nb_coded_side_data(), avcodec.AV_PKT_DATA_DISPLAYMATRIX);
        if (sd == null || sd.isNull() || sd.size() < 4L * MATRIX_SIZE) {
            return null;
        }
        int[] m = new int[MATRIX_SIZE];
        new IntPointer(sd.data()).get(m);
        return m;
    }

    /**
     * Reads a display matrix the way FFmpeg's own {@code ffmpeg} and {@code ffplay} do when they
     * autorotate (so that the output looks as those players show the source): the rotation angle
     * from {@code av_display_rotation_get}, then the signs of the matrix for mirroring.
     *
     * @param matrix the 3×3 display matrix (9 values, 16.16 and 2.30 fixed point), or null if the
     *     stream has none
     * @return the orientation, or null when the matrix asks for an angle that is not a right angle
     *     (or is degenerate): pixels cannot then be turned without resampling
     */
    public static Orientation fromDisplayMatrix(int[] matrix) {
        if (matrix == null) {
            return UPRIGHT;
        }
        checkSize(matrix);
        Ffmpeg.load();
        double ccw = avutil.av_display_rotation_get(matrix);
        if (Double.isNaN(ccw)) {
            return null;
        }
        // FFmpeg's get_rotation(): the clockwise turn that makes the picture upright, in [0, 360).
        double theta = -Math.round(ccw);
        theta -= 360 * Math.floor(theta / 360 + 0.9 / 360);
        if (Math.abs(theta - 90) < TOLERANCE_DEGREES) {
            return matrix[3] > 0 ? TRANSPOSE : CLOCKWISE;
        }
        if (Math.abs(theta - 180) < TOLERANCE_DEGREES) {
            boolean h = matrix[0] < 0;
            boolean v = matrix[4] < 0;
            return h && v ? HALF_TURN : h ? MIRROR : v ? FLIP : UPRIGHT;
        }
        if (Math.abs(theta - 270) < TOLERANCE_DEGREES) {
            return matrix[3] < 0 ? TRANSVERSE : COUNTER_CLOCKWISE;
        }
        if (Math.abs(theta) < TOLERANCE_DEGREES) {
            return matrix[4] < 0 ? FLIP : UPRIGHT;
        }
        return null;
    }

    /** @return whether width and height trade places */
    public boolean swapsAxes() {
        return swapsAxes;
    }

    /**
     * @param width stored width
     * @param height stored height
     * @return the upright width
     */
    public int uprightWidth(int width, int height) {
        return swapsAxes ? height : width;
    }

    /**
     * @param width stored width
     * @param height stored height
     * @return the upright height
     */
    public int uprightHeight(int width, int height) {
        return swapsAxes ? width : height;
    }

    /**
     * The pixel aspect ratio of the upright picture: a quarter turn makes wide pixels tall.
     *
     * @param stored the stored frames' sample aspect ratio (0/1 when unknown)
     * @return the upright one
     */
    public Rational uprightAspect(Rational stored) {
        return swapsAxes && stored.valid() ? new Rational(stored.den(), stored.num()) : stored;
    }

    /**
     * Turns a frame upright.
     *
     * @param rgb stored packed pixels, {@code width·height} long (not modified)
     * @param width stored width
     * @param height stored height
     * @return the upright pixels: the same array when {@link #UPRIGHT}, else a new one
     */
    public int[] apply(int[] rgb, int width, int height) {
        if (rgb.length != width * height) {
            throw new IllegalArgumentException("need " + width * height + " pixels, got " + rgb.length);
        }
        if (this == UPRIGHT) {
            return rgb;
        }
        int ow = uprightWidth(width, height);
        int oh = uprightHeight(width, height);
        int[] out = new int[rgb.length];
        // Every output row reads the source along a straight line: a start index and a step.
        int step = step(width);
        for (int y = 0; y < oh; y++) {
            int s = start(y, width, height);
            int o = y * ow;
            for (int x = 0; x < ow; x++, s += step) {
                out[o + x] = rgb[s];
            }
        }
        return out;
    }

    /** The source index of output pixel (0, y). */
    private int start(int y, int w, int h) {
        return switch (this) {
            case UPRIGHT -> y * w;
            case CLOCKWISE -> (h - 1) * w + y; // out(x, y) = in(y, h-1-x)
            case HALF_TURN -> (h - 1 - y) * w + w - 1; // out(x, y) = in(w-1-x, h-1-y)
            case COUNTER_CLOCKWISE -> w - 1 - y; // out(x, y) = in(w-1-y, x)
            case MIRROR -> y * w + w - 1; // out(x, y) = in(w-1-x, y)
            case FLIP -> (h - 1 - y) * w; // out(x, y) = in(x, h-1-y)
            case TRANSPOSE -> y; // out(x, y) = in(y, x)
            case TRANSVERSE -> (h - 1) * w + w - 1 - y; // out(x, y) = in(w-1-y, h-1-x)
        };
    }

    /** The source index step from output pixel (x, y) to (x + 1, y). */
    private int step(int w) {
        return switch (this) {
            case UPRIGHT, FLIP -> 1;
            case HALF_TURN, MIRROR -> -1;
            case COUNTER_CLOCKWISE, TRANSPOSE -> w;
            case CLOCKWISE, TRANSVERSE -> -w;
        };
    }
}
