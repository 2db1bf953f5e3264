package io.github.colorize;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A small, backend-neutral description of a colourisation model: what it is, where its file comes
 * from, what tensors it takes and gives, and which colour pipeline turns a photo into those tensors
 * and back. Every backend that runs graphs (ONNX Runtime, DJL) reads the same card; only tensors cross
 * into the runtime. Built-in cards are listed by {@link ModelCards#builtIn()}; users register more with
 * {@link ModelCards#register} or {@link ModelCards#load}.
 *
 * <p>The tensor layout is always NCHW with batch 1. The {@linkplain #pipeline() pipeline} says how a
 * photo becomes the graph's input and its output becomes colours; {@link PipelineId} lists them.
 *
 * <p>A value that grows: new facts come as new accessors and builder methods, never as a
 * constructor change, so build one with {@link #builder()} and derive variants with {@link #toBuilder()}.
 * Immutable and thread-safe.
 */
public final class ModelCard {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private final String name;
    private final String version;
    private final ModelSource source;
    private final @Nullable String sha256;
    private final String license;
    private final ModelFamily family;
    private final String inputName;
    private final List<String> auxiliaryInputs;
    private final String outputName;
    private final Layout layout;
    private final TensorType dtype;
    private final String valueRange;
    private final Sizing sizing;
    private final int defaultRenderFactor;
    private final PipelineId pipeline;
    private final PostProcessing postProcessing;
    private final String description;

    /** Tensor memory layout. */
    public enum Layout {
        /** Batch, channels, height, width. */
        NCHW
    }

    /** Element type of the graph's input and output tensors. */
    public enum TensorType {
        /** 32-bit IEEE float. */
        FLOAT32,
        /** 16-bit IEEE half float; backends convert in Java, results differ from FLOAT32 by ±1 in places. */
        FLOAT16
    }

    /** Validates the settings; see {@link Builder} for the rules. */
    private ModelCard(Builder b) {
        String name = b.name;
        String version = b.version;
        ModelSource source = b.source;
        String sha256 = b.sha256;
        String license = b.license;
        ModelFamily family = b.family;
        String inputName = b.inputName;
        List<String> auxiliaryInputs = b.auxiliaryInputs;
        String outputName = b.outputName;
        TensorType dtype = b.dtype;
        String valueRange = b.valueRange;
        Sizing sizing = b.sizing;
        int defaultRenderFactor = b.defaultRenderFactor;
        PipelineId pipeline = b.pipeline;
        PostProcessing postProcessing = b.postProcessing;
        String description = b.description;

        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "card name must be lower-case letters, digits, '.', '_' or '-' (max 64), got '" + name + "'");
        }
        requireText(version, "version");
        Objects.requireNonNull(source, "source");
        if (sha256 != null) {
            sha256 = sha256.trim().toLowerCase(Locale.ROOT);
            if (!HEX64.matcher(sha256).matches()) {
                throw new IllegalArgumentException(name + ": sha256 must be 64 hex digits, got '" + sha256 + "'");
            }
        }
        if (source instanceof ModelSource.Url url) {
            if (sha256 == null) {
                sha256 = url.sha256();
            } else if (!sha256.equals(url.sha256())) {
                throw new IllegalArgumentException(name + ": card sha256 differs from its URL source's sha256");
            }
        }
        requireText(license, "license");
        Objects.requireNonNull(family, "family");
        requireText(inputName, "inputName");
        auxiliaryInputs = List.copyOf(auxiliaryInputs);
        requireText(outputName, "outputName");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(valueRange, "valueRange");
        Objects.requireNonNull(sizing, "sizing");
        if (defaultRenderFactor < RenderFactor.MIN || defaultRenderFactor > RenderFactor.MAX) {
            throw new IllegalArgumentException(name + ": defaultRenderFactor must be in [" + RenderFactor.MIN + ", "
                    + RenderFactor.MAX + "], got " + defaultRenderFactor);
        }
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(postProcessing, "postProcessing");
        if (postProcessing == PostProcessing.MODEL_DEFAULT) {
            throw new IllegalArgumentException(name + ": a card must name a concrete post-processing mode");
        }
        Objects.requireNonNull(description, "description");
        if (auxiliaryInputs.contains(inputName)
                || auxiliaryInputs.size() != Set.copyOf(auxiliaryInputs).size()) {
            throw new IllegalArgumentException(name + ": input names must be distinct");
        }
        this.name = name;
        this.version = version;
        this.source = source;
        this.sha256 = sha256;
        this.license = license;
        this.family = family;
        this.inputName = inputName;
        this.auxiliaryInputs = auxiliaryInputs;
        this.outputName = outputName;
        this.dtype = dtype;
        this.valueRange = valueRange;
        this.sizing = sizing;
        this.defaultRenderFactor = defaultRenderFactor;
        this.pipeline = pipeline;
        this.postProcessing = postProcessing;
        this.description = description;
        this.layout = Layout.NCHW;
    }

    /**
     * A new builder with no settings except NCHW, FLOAT32, no auxiliary inputs and an empty note.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this card's settings, to derive a variant (another file, another name).
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder()
                .name(name)
                .version(version)
                .source(source)
                .sha256(source instanceof ModelSource.Url ? null : sha256)
                .license(license)
                .family(family)
                .inputName(inputName)
                .auxiliaryInputs(auxiliaryInputs)
                .outputName(outputName)
                .dtype(dtype)
                .valueRange(valueRange)
                .sizing(sizing)
                .defaultRenderFactor(defaultRenderFactor)
                .pipeline(pipeline)
                .postProcessing(postProcessing)
                .description(description);
    }

    /**
     * The same card reading its file from another place; a new file drops the known hash unless the
     * source is a URL (which carries its own).
     *
     * @param newSource the new source
     * @return the new card
     */
    public ModelCard withSource(ModelSource newSource) {
        return toBuilder().source(newSource).sha256(null).build();
    }

    /**
     * The expected SHA-256 of the model file.
     *
     * @return the hash, if known
     */
    public Optional<String> expectedSha256() {
        return Optional.ofNullable(sha256);
    }

    /**
     * Every input tensor name, the main one first.
     *
     * @return the names
     */
    public List<String> inputNames() {
        List<String> all = new java.util.ArrayList<>();
        all.add(inputName);
        all.addAll(auxiliaryInputs);
        return List.copyOf(all);
    }

    /**
     * Returns the unique, lower-case card name used to select it ({@code deoldify-artistic}).
     *
     * @return the value
     */
    public String name() {
        return name;
    }

    /**
     * Returns the model's version.
     *
     * @return the value
     */
    public String version() {
        return version;
    }

    /**
     * Returns where the model file comes from.
     *
     * @return the value
     */
    public ModelSource source() {
        return source;
    }

    /**
     * Returns the SHA-256 of the model file (lower-case hex), or {@code null} when unknown; always set for URL sources.
     *
     * @return the value
     */
    public @Nullable String sha256() {
        return sha256;
    }

    /**
     * Returns the model's licence, in a few words.
     *
     * @return the value
     */
    public String license() {
        return license;
    }

    /**
     * Returns the kind of network.
     *
     * @return the value
     */
    public ModelFamily family() {
        return family;
    }

    /**
     * Returns the main input tensor's name.
     *
     * @return the value
     */
    public String inputName() {
        return inputName;
    }

    /**
     * Returns further inputs that are all zero in automatic mode (SIGGRAPH17's hints).
     *
     * @return the value
     */
    public List<String> auxiliaryInputs() {
        return auxiliaryInputs;
    }

    /**
     * Returns the output tensor's name.
     *
     * @return the value
     */
    public String outputName() {
        return outputName;
    }

    /**
     * Returns the tensor layout (always {@link Layout#NCHW}).
     *
     * @return the value
     */
    public Layout layout() {
        return layout;
    }

    /**
     * Returns the element type of the graph's inputs and outputs.
     *
     * @return the value
     */
    public TensorType dtype() {
        return dtype;
    }

    /**
     * Returns a note on the input and output value ranges, for people.
     *
     * @return the value
     */
    public String valueRange() {
        return valueRange;
    }

    /**
     * Returns which input sizes the graph accepts and how large its output is.
     *
     * @return the value
     */
    public Sizing sizing() {
        return sizing;
    }

    /**
     * Returns the render factor used when the caller fixes none and auto is off.
     *
     * @return the value
     */
    public int defaultRenderFactor() {
        return defaultRenderFactor;
    }

    /**
     * Returns the colour pipeline id (see above).
     *
     * @return the value
     */
    public PipelineId pipeline() {
        return pipeline;
    }

    /**
     * Returns how model colours meet the original when the caller asks for {@link PostProcessing#MODEL_DEFAULT}; never {@code MODEL_DEFAULT} itself.
     *
     * @return the value
     */
    public PostProcessing postProcessing() {
        return postProcessing;
    }

    /**
     * Returns one line for listings.
     *
     * @return the value
     */
    public String description() {
        return description;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return this == o
                || (o instanceof ModelCard c
                        && Objects.equals(name, c.name)
                        && Objects.equals(version, c.version)
                        && Objects.equals(source, c.source)
                        && Objects.equals(sha256, c.sha256)
                        && Objects.equals(license, c.license)
                        && Objects.equals(family, c.family)
                        && Objects.equals(inputName, c.inputName)
                        && Objects.equals(auxiliaryInputs, c.auxiliaryInputs)
                        && Objects.equals(outputName, c.outputName)
                        && Objects.equals(layout, c.layout)
                        && Objects.equals(dtype, c.dtype)
                        && Objects.equals(valueRange, c.valueRange)
                        && Objects.equals(sizing, c.sizing)
                        && defaultRenderFactor == c.defaultRenderFactor
                        && Objects.equals(pipeline, c.pipeline)
                        && Objects.equals(postProcessing, c.postProcessing)
                        && Objects.equals(description, c.description));
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                name,
                version,
                source,
                sha256,
                license,
                family,
                inputName,
                auxiliaryInputs,
                outputName,
                layout,
                dtype,
                valueRange,
                sizing,
                defaultRenderFactor,
                pipeline,
                postProcessing,
                description);
    }

    @Override
    public String toString() {
        return "ModelCard[name=" + name + ", version=" + version + ", source=" + source + ", sha256=" + sha256
                + ", license=" + license + ", family=" + family + ", inputName=" + inputName + ", auxiliaryInputs="
                + auxiliaryInputs + ", outputName=" + outputName + ", layout=" + layout + ", dtype=" + dtype
                + ", valueRange=" + valueRange + ", sizing=" + sizing + ", defaultRenderFactor=" + defaultRenderFactor
                + ", pipeline=" + pipeline + ", postProcessing=" + postProcessing + ", description=" + description
                + "]";
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    /**
     * Which input sizes a graph accepts and how large its output is. Immutable.
     *
     * <ul>
     *   <li>{@link Kind#FIXED_SQUARE}: only {@code side × side} (a graph exported at one size);
     *   <li>{@link Kind#RENDER_FACTOR_SQUARE}: a square of {@code 16 × render factor}, stretched (not
     *       padded) like DeOldify; the graph accepts sides that are multiples of {@code multiple};
     *   <li>{@link Kind#RENDER_FACTOR_AREA}: the photo's aspect ratio kept, height and width multiples
     *       of {@code multiple}, area close to {@code (16 × render factor)²}.
     * </ul>
     *
     * @param kind the rule
     * @param side the fixed side for {@code FIXED_SQUARE}, else 0
     * @param multiple what sides must be a multiple of (1 for any)
     * @param outputScale how many times smaller the output is than the input (1 = same size)
     */
    public record Sizing(Kind kind, int side, int multiple, int outputScale) {

        /** The sizing rules. */
        public enum Kind {
            /** One fixed square side. */
            FIXED_SQUARE,
            /** A square of 16 × render factor. */
            RENDER_FACTOR_SQUARE,
            /** The photo's aspect, area (16 × render factor)². */
            RENDER_FACTOR_AREA
        }

        /** Validates the components. */
        public Sizing {
            Objects.requireNonNull(kind, "kind");
            if (multiple < 1 || outputScale < 1) {
                throw new IllegalArgumentException("multiple and outputScale must be at least 1");
            }
            if (kind == Kind.FIXED_SQUARE ? side < 1 || side % multiple != 0 : side != 0) {
                throw new IllegalArgumentException(
                        "side must be positive (a multiple of 'multiple') for FIXED_SQUARE and 0 otherwise");
            }
            if (side % outputScale != 0 || multiple % outputScale != 0 && kind != Kind.FIXED_SQUARE) {
                throw new IllegalArgumentException("sides must be divisible by outputScale " + outputScale);
            }
        }

        /**
         * A graph that accepts only one square size.
         *
         * @param side the side in pixels
         * @return the sizing
         */
        public static Sizing fixedSquare(int side) {
            return new Sizing(Kind.FIXED_SQUARE, side, 1, 1);
        }

        /**
         * A square of 16 × render factor (DeOldify).
         *
         * @param multiple what the side must be a multiple of (1 for any side, 32 for graphs exported
         *     with dynamic axes)
         * @return the sizing
         */
        public static Sizing renderFactorSquare(int multiple) {
            return new Sizing(Kind.RENDER_FACTOR_SQUARE, 0, multiple, 1);
        }

        /**
         * The photo's aspect ratio with area (16 × render factor)².
         *
         * @param multiple what height and width must be multiples of
         * @param outputScale how many times smaller the output is
         * @return the sizing
         */
        public static Sizing renderFactorArea(int multiple, int outputScale) {
            return new Sizing(Kind.RENDER_FACTOR_AREA, 0, multiple, outputScale);
        }

        /**
         * The same sizing with another output scale.
         *
         * @param scale how many times smaller the output is
         * @return the sizing
         */
        public Sizing withOutputScale(int scale) {
            return new Sizing(kind, side, multiple, scale);
        }

        /**
         * A short text form, also used in card files: {@code fixed:256}, {@code square:32}, {@code
         * area:32}, followed by {@code /4} when the output is smaller.
         *
         * @return the text
         */
        public String text() {
            String base = switch (kind) {
                case FIXED_SQUARE -> "fixed:" + side;
                case RENDER_FACTOR_SQUARE -> "square:" + multiple;
                case RENDER_FACTOR_AREA -> "area:" + multiple;
            };
            return outputScale == 1 ? base : base + "/" + outputScale;
        }

        /**
         * Parses {@link #text()}.
         *
         * @param text for example {@code area:32/4}
         * @return the sizing
         * @throws IllegalArgumentException if malformed
         */
        public static Sizing parse(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            int scale = 1;
            int slash = t.indexOf('/');
            try {
                if (slash >= 0) {
                    scale = Integer.parseInt(t.substring(slash + 1).trim());
                    t = t.substring(0, slash).trim();
                }
                int colon = t.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException(
                            "sizing must look like fixed:256, square:32 or area:32/4, got '" + text + "'");
                }
                String kind = t.substring(0, colon).trim();
                int n = Integer.parseInt(t.substring(colon + 1).trim());
                return switch (kind) {
                    case "fixed" -> new Sizing(Kind.FIXED_SQUARE, n, 1, scale);
                    case "square" -> new Sizing(Kind.RENDER_FACTOR_SQUARE, 0, n, scale);
                    case "area" -> new Sizing(Kind.RENDER_FACTOR_AREA, 0, n, scale);
                    default ->
                        throw new IllegalArgumentException(
                                "sizing kind must be fixed, square or area, got '" + kind + "'");
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("sizing numbers are malformed in '" + text + "'", e);
            }
        }
    }

    /**
     * Builds a {@link ModelCard}. Not thread-safe.
     */
    public static final class Builder {
        private String name;
        private String version;
        private ModelSource source;
        private String sha256;
        private String license;
        private ModelFamily family;
        private String inputName;
        private List<String> auxiliaryInputs = List.of();
        private String outputName;
        private TensorType dtype = TensorType.FLOAT32;
        private String valueRange = "";
        private Sizing sizing;
        private int defaultRenderFactor;
        private @Nullable PipelineId pipeline;
        private PostProcessing postProcessing;
        private String description = "";

        private Builder() {}

        /**
         * Sets the unique card name.
         *
         * @param value lower-case letters, digits, '.', '_' or '-'
         * @return this builder
         */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /**
         * Sets the model version.
         *
         * @param value the version
         * @return this builder
         */
        public Builder version(String value) {
            this.version = value;
            return this;
        }

        /**
         * Sets where the file comes from.
         *
         * @param value the source
         * @return this builder
         */
        public Builder source(ModelSource value) {
            this.source = value;
            return this;
        }

        /**
         * Sets the expected SHA-256 of the file (optional except for URL sources, which carry it).
         *
         * @param value 64 hex digits, or null
         * @return this builder
         */
        public Builder sha256(String value) {
            this.sha256 = value;
            return this;
        }

        /**
         * Sets the licence note.
         *
         * @param value the licence
         * @return this builder
         */
        public Builder license(String value) {
            this.license = value;
            return this;
        }

        /**
         * Sets the family.
         *
         * @param value the family
         * @return this builder
         */
        public Builder family(ModelFamily value) {
            this.family = value;
            return this;
        }

        /**
         * Sets the main input's name.
         *
         * @param value the tensor name
         * @return this builder
         */
        public Builder inputName(String value) {
            this.inputName = value;
            return this;
        }

        /**
         * Sets the inputs fed with zeros in automatic mode.
         *
         * @param values the tensor names
         * @return this builder
         */
        public Builder auxiliaryInputs(List<String> values) {
            this.auxiliaryInputs = List.copyOf(values);
            return this;
        }

        /**
         * Sets the output's name.
         *
         * @param value the tensor name
         * @return this builder
         */
        public Builder outputName(String value) {
            this.outputName = value;
            return this;
        }

        /**
         * Sets the element type.
         *
         * @param value the type
         * @return this builder
         */
        public Builder dtype(TensorType value) {
            this.dtype = value;
            return this;
        }

        /**
         * Sets the value-range note.
         *
         * @param value the note
         * @return this builder
         */
        public Builder valueRange(String value) {
            this.valueRange = value;
            return this;
        }

        /**
         * Sets the sizing rule.
         *
         * @param value the rule
         * @return this builder
         */
        public Builder sizing(Sizing value) {
            this.sizing = value;
            return this;
        }

        /**
         * Sets the default render factor.
         *
         * @param value 7 to 45
         * @return this builder
         */
        public Builder defaultRenderFactor(int value) {
            this.defaultRenderFactor = value;
            return this;
        }

        /**
         * Sets the colour pipeline.
         *
         * @param value the pipeline
         * @return this builder
         */
        public Builder pipeline(PipelineId value) {
            this.pipeline = value;
            return this;
        }

        /**
         * Sets the colour pipeline by its id, as card files spell it.
         *
         * @param id a {@link PipelineId#id()}, any case
         * @return this builder
         * @throws IllegalArgumentException naming the known ids if {@code id} is none of them
         */
        public Builder pipeline(String id) {
            this.pipeline = PipelineId.parse(id);
            return this;
        }

        /**
         * Sets the default post-processing.
         *
         * @param value a concrete mode
         * @return this builder
         */
        public Builder postProcessing(PostProcessing value) {
            this.postProcessing = value;
            return this;
        }

        /**
         * Sets the one-line description.
         *
         * @param value the description
         * @return this builder
         */
        public Builder description(String value) {
            this.description = value;
            return this;
        }

        /**
         * Builds the card.
         *
         * @return the immutable card
         * @throws IllegalArgumentException or NullPointerException naming the invalid setting
         */
        public ModelCard build() {
            return new ModelCard(this);
        }
    }
}
