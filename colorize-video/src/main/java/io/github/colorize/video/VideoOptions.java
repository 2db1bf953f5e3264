package io.github.colorize.video;

import io.github.colorize.ColorizeOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * How to colourise a film. Immutable and thread-safe; build with {@link #builder()}.
 *
 * <pre>{@code
 * VideoOptions opts = VideoOptions.builder()
 *         .colorizeOptions(ColorizeOptions.builder().renderFactor(21).build())
 *         .stabilize(true)
 *         .build();
 * }</pre>
 */
public final class VideoOptions {

    /** The default {@link #segmentLength()}. */
    public static final Duration DEFAULT_SEGMENT_LENGTH = Duration.ofSeconds(10);

    private static final VideoOptions DEFAULTS = builder().build();

    private final ColorizeOptions colorizeOptions;
    private final boolean stabilize;
    private final String format;
    private final String encoder;
    private final Duration segmentLength;

    private VideoOptions(Builder b) {
        this.colorizeOptions = b.colorizeOptions;
        this.stabilize = b.stabilize;
        this.format = b.format;
        this.encoder = b.encoder;
        this.segmentLength = b.segmentLength;
    }

    /**
     * The defaults: {@link ColorizeOptions#defaults()} (palette mark and metadata on), stabilisation
     * on, the container from the target's extension, the encoder chosen automatically, written in
     * resumable segments of {@link #DEFAULT_SEGMENT_LENGTH}.
     *
     * @return the defaults
     */
    public static VideoOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder holding the defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these options.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder()
                .colorizeOptions(colorizeOptions)
                .stabilize(stabilize)
                .format(format)
                .encoder(encoder)
                .segmentLength(segmentLength);
    }

    /**
     * How each frame is colourised. Its watermark settings say whether and where the palette mark is
     * drawn on every frame (after stabilisation, so the mark itself is never smoothed); {@link
     * ColorizeOptions#embedMetadata()} says whether the container gets the provenance tags.
     *
     * @return the per-frame options
     */
    public ColorizeOptions colorizeOptions() {
        return colorizeOptions;
    }

    /**
     * Whether chroma is stabilised over time (on by default). Off, each frame's colours are exactly
     * the colorizer's, which flicker.
     *
     * @return true to stabilise
     */
    public boolean stabilize() {
        return stabilize;
    }

    /**
     * The FFmpeg muxer to write, for example {@code "mp4"} or {@code "matroska"}; null (the default)
     * chooses from the target file's extension.
     *
     * @return the muxer name, or null
     */
    public String format() {
        return format;
    }

    /**
     * The FFmpeg video encoder, for example {@code "libopenh264"}; null (the default) picks the best
     * H.264 encoder of the FFmpeg build ({@code libx264}, then {@code libopenh264}), or the
     * container's own default codec if it cannot hold H.264.
     *
     * @return the encoder name, or null
     */
    public String encoder() {
        return encoder;
    }

    /**
     * How much film goes into one segment, the unit a stopped job resumes from (see the README: the
     * film is written in segments in a work folder beside the target, and a rerun after a crash, a
     * {@code kill -9} or Ctrl-C continues after the last complete one). Longer segments lose more work
     * when a run is stopped; shorter ones add a key frame each. {@link Duration#ZERO} writes the film
     * in one pass, as a stream, with nothing to resume from.
     *
     * @return the length of film per segment (10 seconds by default), or zero for one pass
     */
    public Duration segmentLength() {
        return segmentLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VideoOptions other
                && colorizeOptions.equals(other.colorizeOptions)
                && stabilize == other.stabilize
                && Objects.equals(format, other.format)
                && Objects.equals(encoder, other.encoder)
                && segmentLength.equals(other.segmentLength);
    }

    @Override
    public int hashCode() {
        return Objects.hash(colorizeOptions, stabilize, format, encoder, segmentLength);
    }

    @Override
    public String toString() {
        return "VideoOptions[" + colorizeOptions + ", stabilize=" + stabilize + ", format="
                + (format == null ? "auto" : format) + ", encoder=" + (encoder == null ? "auto" : encoder)
                + ", segmentLength=" + segmentLength + "]";
    }

    /** Builds {@link VideoOptions}. Not thread-safe. */
    public static final class Builder {
        private ColorizeOptions colorizeOptions = ColorizeOptions.defaults();
        private boolean stabilize = true;
        private String format;
        private String encoder;
        private Duration segmentLength = DEFAULT_SEGMENT_LENGTH;

        private Builder() {}

        /**
         * Sets the per-frame colourisation options.
         *
         * @param options the options
         * @return this builder
         */
        public Builder colorizeOptions(ColorizeOptions options) {
            this.colorizeOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Switches temporal stabilisation on or off.
         *
         * @param enabled whether to stabilise
         * @return this builder
         */
        public Builder stabilize(boolean enabled) {
            this.stabilize = enabled;
            return this;
        }

        /**
         * Sets the FFmpeg muxer, or null to choose from the target's extension.
         *
         * @param muxer for example "mp4", "mov", "matroska"
         * @return this builder
         */
        public Builder format(String muxer) {
            this.format = blankToNull(muxer);
            return this;
        }

        /**
         * Sets the FFmpeg video encoder, or null to choose.
         *
         * @param name for example "libopenh264" or "libx264"
         * @return this builder
         */
        public Builder encoder(String name) {
            this.encoder = blankToNull(name);
            return this;
        }

        /**
         * Sets the length of film per resumable segment, or zero to write the film in one pass.
         *
         * @param length the length; zero for one pass
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder segmentLength(Duration length) {
            Objects.requireNonNull(length, "length");
            if (length.isNegative()) {
                throw new IllegalArgumentException("segment length must not be negative, got " + length);
            }
            this.segmentLength = length;
            return this;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public VideoOptions build() {
            return new VideoOptions(this);
        }
    }
}
