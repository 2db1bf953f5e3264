package io.github.colorize;

import java.util.Objects;

/**
 * How to colourise one photo. Immutable and thread-safe; build with {@link #builder()}, derive with
 * {@link #toBuilder()}.
 *
 * <pre>{@code
 * ColorizeOptions opts = ColorizeOptions.builder()
 *         .renderFactor(RenderFactor.of(21))
 *         .chromaStrength(1.2)
 *         .build();
 * }</pre>
 */
public final class ColorizeOptions {

    private static final ColorizeOptions DEFAULTS = builder().build();

    private final RenderFactor renderFactor;
    private final double chromaStrength;
    private final PostProcessing postProcessing;
    private final WatermarkOptions watermark;
    private final boolean embedMetadata;
    private final ColorHints hints;

    private ColorizeOptions(Builder b) {
        this.renderFactor = b.renderFactor;
        this.chromaStrength = b.chromaStrength;
        this.postProcessing = b.postProcessing;
        this.watermark = b.watermark;
        this.embedMetadata = b.embedMetadata;
        this.hints = b.hints;
    }

    /**
     * The defaults: the model's default render factor is replaced by {@code auto}, strength 1, the
     * model's post-processing, the palette mark on, metadata on.
     *
     * @return the default options
     */
    public static ColorizeOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A new builder holding the defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder initialised from these options.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder()
                .renderFactor(renderFactor)
                .chromaStrength(chromaStrength)
                .postProcessing(postProcessing)
                .watermark(watermark)
                .embedMetadata(embedMetadata)
                .hints(hints);
    }

    /**
     * The render factor; {@link RenderFactor#auto()} by default.
     *
     * @return the factor
     */
    public RenderFactor renderFactor() {
        return renderFactor;
    }

    /**
     * Multiplies the predicted chroma: 0 gives gray, 1 the model's colours (default), up to 2 for more
     * saturation.
     *
     * @return the strength
     */
    public double chromaStrength() {
        return chromaStrength;
    }

    /**
     * How model colours and the original are combined.
     *
     * @return the mode; {@link PostProcessing#MODEL_DEFAULT} by default
     */
    public PostProcessing postProcessing() {
        return postProcessing;
    }

    /**
     * The visible mark; on by default.
     *
     * @return the mark options
     */
    public WatermarkOptions watermark() {
        return watermark;
    }

    /**
     * Whether files written with {@link ColorizedImage#save} carry the XMP provenance record; on by
     * default.
     *
     * @return true to embed metadata
     */
    public boolean embedMetadata() {
        return embedMetadata;
    }

    /**
     * The colour hints every backend's result is corrected to (see {@link ColorHints}); none by
     * default.
     *
     * @return the hints
     */
    public ColorHints hints() {
        return hints;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColorizeOptions other
                && renderFactor.equals(other.renderFactor)
                && Double.compare(chromaStrength, other.chromaStrength) == 0
                && postProcessing == other.postProcessing
                && watermark.equals(other.watermark)
                && embedMetadata == other.embedMetadata
                && hints.equals(other.hints);
    }

    @Override
    public int hashCode() {
        return Objects.hash(renderFactor, chromaStrength, postProcessing, watermark, embedMetadata, hints);
    }

    @Override
    public String toString() {
        return "ColorizeOptions[renderFactor=" + renderFactor + ", chromaStrength=" + chromaStrength
                + ", postProcessing=" + postProcessing + ", watermark=" + watermark.enabled()
                + ", embedMetadata=" + embedMetadata + ", hints=" + hints.size() + "]";
    }

    /** Builds {@link ColorizeOptions}. Not thread-safe; use one builder per thread. */
    public static final class Builder {
        private RenderFactor renderFactor = RenderFactor.auto();
        private double chromaStrength = 1.0;
        private PostProcessing postProcessing = PostProcessing.MODEL_DEFAULT;
        private WatermarkOptions watermark = WatermarkOptions.defaults();
        private boolean embedMetadata = true;
        private ColorHints hints = ColorHints.none();

        private Builder() {}

        /**
         * Sets the render factor.
         *
         * @param factor the factor, or {@link RenderFactor#auto()}
         * @return this builder
         */
        public Builder renderFactor(RenderFactor factor) {
            this.renderFactor = Objects.requireNonNull(factor, "factor");
            return this;
        }

        /**
         * Sets a fixed render factor.
         *
         * @param factor between 7 and 45
         * @return this builder
         */
        public Builder renderFactor(int factor) {
            return renderFactor(RenderFactor.of(factor));
        }

        /**
         * Sets the chroma strength.
         *
         * @param strength between 0 and 2
         * @return this builder
         */
        public Builder chromaStrength(double strength) {
            if (!(strength >= 0 && strength <= 2)) {
                throw new IllegalArgumentException("chroma strength must be in [0, 2], got " + strength);
            }
            this.chromaStrength = strength;
            return this;
        }

        /**
         * Sets the post-processing mode.
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder postProcessing(PostProcessing mode) {
            this.postProcessing = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Sets the visible mark.
         *
         * @param options the mark, or {@link WatermarkOptions#none()}
         * @return this builder
         */
        public Builder watermark(WatermarkOptions options) {
            this.watermark = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Switches the visible mark on or off, keeping its other settings.
         *
         * @param enabled whether to draw the mark
         * @return this builder
         */
        public Builder watermark(boolean enabled) {
            this.watermark =
                    new WatermarkOptions(enabled, watermark.corner(), watermark.sizeFraction(), watermark.opacity());
            return this;
        }

        /**
         * Switches the embedded XMP record on or off.
         *
         * @param enabled whether to embed metadata
         * @return this builder
         */
        public Builder embedMetadata(boolean enabled) {
            this.embedMetadata = enabled;
            return this;
        }

        /**
         * Sets the colour hints the result must obey; they are checked against the photo's size when
         * it is colourised.
         *
         * @param hints the hints, or {@link ColorHints#none()}
         * @return this builder
         */
        public Builder hints(ColorHints hints) {
            this.hints = Objects.requireNonNull(hints, "hints");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the immutable options
         */
        public ColorizeOptions build() {
            return new ColorizeOptions(this);
        }
    }
}
