package io.github.colorize.video.internal;

import java.util.Objects;

/**
 * What the output's video stream must look like. Immutable.
 *
 * @param width frame width (odd sizes are padded by one edge pixel for 4:2:0 encoders)
 * @param height frame height
 * @param timeBase the source stream's time base, kept so that every timestamp survives exactly
 * @param frameRate the source's frame rate (a hint for rate control and the container)
 * @param sampleAspectRatio the source's pixel aspect ratio, 0/1 if unknown
 * @param colours the YUV matrix and range to encode and tag with
 * @param encoder an FFmpeg encoder name to use, or null to choose (libx264, libopenh264, then the
 *     container's default)
 * @param displayMatrix a display matrix (9 values) for the output stream, or null for none (frames
 *     are written upright); only a source's odd-angle rotation, which is not applied, is carried over
 */
public record EncoderSettings(
        int width,
        int height,
        Rational timeBase,
        Rational frameRate,
        Rational sampleAspectRatio,
        StreamColorSpace colors,
        String encoder,
        int[] displayMatrix) {

    /** Without a display matrix: the frames are written upright. */
    public EncoderSettings(
            int width,
            int height,
            Rational timeBase,
            Rational frameRate,
            Rational sampleAspectRatio,
            StreamColorSpace colors,
            String encoder) {
        this(width, height, timeBase, frameRate, sampleAspectRatio, colors, encoder, null);
    }

    /** Validates the components. */
    public EncoderSettings {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("bad frame size " + width + "x" + height);
        }
        Objects.requireNonNull(timeBase, "timeBase");
        Objects.requireNonNull(frameRate, "frameRate");
        Objects.requireNonNull(sampleAspectRatio, "sampleAspectRatio");
        Objects.requireNonNull(colors, "colours");
        if (!timeBase.valid()) {
            throw new IllegalArgumentException("bad time base " + timeBase);
        }
        displayMatrix = Orientation.copyOfMatrix(displayMatrix);
    }

    /** @return a copy of the display matrix, or null */
    @Override
    public int[] displayMatrix() {
        return Orientation.copyOfMatrix(displayMatrix);
    }

    /** @return the encoded width: even, as 4:2:0 chroma needs */
    int codedWidth() {
        return width + (width & 1);
    }

    /** @return the encoded height: even */
    int codedHeight() {
        return height + (height & 1);
    }
}
