package io.github.colorize;

import io.github.colorize.internal.provenance.LibraryVersion;
import io.github.colorize.internal.provenance.ProvenanceFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The honest record of a colourisation: that its colours were made by a trained algorithm, by what,
 * when and from which source. It travels with every {@link ColorizedImage} and is embedded as XMP in
 * written files (PNG iTXt {@code XML:com.adobe.xmp}, JPEG APP1), where {@code colorize verify} and
 * exiftool read it.
 *
 * <p>A value that grows: new facts are added as new accessors and builder methods, never by changing
 * a constructor, so build one with {@link #builder()} (or {@link #of}) and derive others with {@link
 * #toBuilder()}. Immutable and thread-safe. It never holds secrets (API keys, credentials in URLs).
 */
public final class Provenance {

    /**
     * The IPTC digital source type for media made by a trained algorithm from a real photo.
     */
    public static final String DIGITAL_SOURCE_TYPE =
            "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia";

    /** The software name written into every record. */
    public static final String SOFTWARE = "colorize";

    private final String software;
    private final String softwareVersion;
    private final String backend;
    private final String model;
    private final @Nullable String modelSha256;
    private final int renderFactor;
    private final double chromaStrength;
    private final String device;
    private final Timings timings;
    private final Instant created;
    private final @Nullable String sourceName;
    private final @Nullable String sourceSha256;
    private final int hintCount;
    private final @Nullable String hintsSha256;

    private Provenance(Builder b) {
        this.software = Objects.requireNonNull(b.software, "software");
        this.softwareVersion = Objects.requireNonNull(b.softwareVersion, "softwareVersion");
        this.backend = Objects.requireNonNull(b.backend, "backend");
        this.model = Objects.requireNonNull(b.model, "model");
        this.modelSha256 = b.modelSha256;
        this.renderFactor = b.renderFactor;
        this.chromaStrength = b.chromaStrength;
        this.device = Objects.requireNonNull(b.device, "device");
        this.timings = Objects.requireNonNull(b.timings, "timings");
        this.created = Objects.requireNonNull(b.created, "created");
        this.sourceName = b.sourceName;
        this.sourceSha256 = b.sourceSha256;
        if (b.hintCount < 0) {
            throw new IllegalArgumentException("hint count must not be negative, got " + b.hintCount);
        }
        this.hintCount = b.hintCount;
        this.hintsSha256 = b.hintsSha256;
    }

    /**
     * A builder for a record made now by this library: software and version are this library's and
     * {@code created} is now, until set otherwise. Backend, model, device and timings must be set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this record's values, to derive another record from it.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.software = software;
        b.softwareVersion = softwareVersion;
        b.backend = backend;
        b.model = model;
        b.modelSha256 = modelSha256;
        b.renderFactor = renderFactor;
        b.chromaStrength = chromaStrength;
        b.device = device;
        b.timings = timings;
        b.created = created;
        b.sourceName = sourceName;
        b.sourceSha256 = sourceSha256;
        b.hintCount = hintCount;
        b.hintsSha256 = hintsSha256;
        return b;
    }

    /**
     * A record for a colourisation made now by this library.
     *
     * @param backend the backend name
     * @param model the model name
     * @param modelSha256 the model file's SHA-256, or null
     * @param renderFactor the factor used, or 0
     * @param chromaStrength the strength used
     * @param device where inference ran
     * @param timings where the time went
     * @return the record, without source information
     */
    public static Provenance of(
            String backend,
            String model,
            @Nullable String modelSha256,
            int renderFactor,
            double chromaStrength,
            String device,
            Timings timings) {
        return builder()
                .backend(backend)
                .model(model)
                .modelSha256(modelSha256)
                .renderFactor(renderFactor)
                .chromaStrength(chromaStrength)
                .device(device)
                .timings(timings)
                .build();
    }

    /**
     * The same record naming its source file.
     *
     * @param name the source file's name
     * @param sha256 the source file's SHA-256, hex
     * @return the new record
     */
    public Provenance withSource(@Nullable String name, @Nullable String sha256) {
        return toBuilder().sourceName(name).sourceSha256(sha256).build();
    }

    /**
     * The same record with other timings.
     *
     * @param newTimings the timings
     * @return the new record
     */
    public Provenance withTimings(Timings newTimings) {
        return toBuilder().timings(newTimings).build();
    }

    /** @return the software that made the colours ({@code "colorize"}) */
    public String software() {
        return software;
    }

    /** @return the version of that software */
    public String softwareVersion() {
        return softwareVersion;
    }

    /** @return the backend name ({@code "onnx"}, {@code "djl"}, {@code "deepai"}) */
    public String backend() {
        return backend;
    }

    /** @return the model name; for a remote service, the service's own model */
    public String model() {
        return model;
    }

    /** @return the SHA-256 of the model file, hex, or {@code null} when unknown (remote) */
    public @Nullable String modelSha256() {
        return modelSha256;
    }

    /** @return the render factor actually used, or 0 where the notion does not apply */
    public int renderFactor() {
        return renderFactor;
    }

    /** @return the chroma strength used */
    public double chromaStrength() {
        return chromaStrength;
    }

    /** @return where inference ran ({@code "cpu"}, {@code "cuda:0"}, {@code "remote"}) */
    public String device() {
        return device;
    }

    /** @return where the time went */
    public Timings timings() {
        return timings;
    }

    /** @return when the colours were made */
    public Instant created() {
        return created;
    }

    /** @return the source file's name (no directories), or {@code null} for in-memory images */
    public @Nullable String sourceName() {
        return sourceName;
    }

    /** @return the SHA-256 of the source file, hex, or {@code null} for in-memory images */
    public @Nullable String sourceSha256() {
        return sourceSha256;
    }

    /**
     * How many colour hints a person gave (see {@link ColorHints}): the colours were guided by a person
     * when this is above 0.
     *
     * @return the number of hints, 0 for automatic colours
     */
    public int hintCount() {
        return hintCount;
    }

    /**
     * The SHA-256 of the hints sidecar file the colours were guided by.
     *
     * @return hex, or {@code null} without hints or for hints not read from a file
     */
    public @Nullable String hintsSha256() {
        return hintsSha256;
    }

    /**
     * Whether a person guided the colours with hints.
     *
     * @return true when {@link #hintCount()} is above 0
     */
    public boolean guidedByPerson() {
        return hintCount > 0;
    }

    /**
     * The same record saying the colours were guided by these hints.
     *
     * @param hints the hints applied
     * @return the new record
     */
    public Provenance withHints(ColorHints hints) {
        return toBuilder()
                .hintCount(hints.size())
                .hintsSha256(hints.sourceSha256().orElse(null))
                .build();
    }

    /**
     * The source file's SHA-256, if known.
     *
     * @return the hash
     */
    public Optional<String> source() {
        return Optional.ofNullable(sourceSha256);
    }

    /**
     * Reads the provenance record embedded in a PNG or JPEG file (XMP in PNG {@code iTXt} or JPEG
     * {@code APP1}), as written by {@link ColorizedImage#save(Path)}. Only the file's headers are read.
     * Thread-safe; the XMP is parsed with DTDs and external entities refused.
     *
     * <p>Use {@link ProvenanceCheck#verify(Path, Path)} to also compare the recorded source hash with a
     * source file, or to get a status instead of an exception for a malformed record.
     *
     * @param file the file
     * @return the record, or empty when the file has no XMP, or XMP that holds no colorize record
     * @throws UndecodableImageException if the file cannot be read, is neither PNG nor JPEG, or its
     *     chunk or segment structure is broken before the record could be found
     * @throws MalformedProvenanceException if the file carries a colorize record that is not valid
     *     (XML not well-formed or declaring a DTD, a required property missing or unparsable, a
     *     damaged chunk), naming the file and the reason
     */
    public static Optional<Provenance> read(Path file) {
        return ProvenanceFiles.read(file);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Provenance p)) {
            return false;
        }
        return renderFactor == p.renderFactor
                && Double.compare(chromaStrength, p.chromaStrength) == 0
                && software.equals(p.software)
                && softwareVersion.equals(p.softwareVersion)
                && backend.equals(p.backend)
                && model.equals(p.model)
                && Objects.equals(modelSha256, p.modelSha256)
                && device.equals(p.device)
                && timings.equals(p.timings)
                && created.equals(p.created)
                && Objects.equals(sourceName, p.sourceName)
                && Objects.equals(sourceSha256, p.sourceSha256)
                && hintCount == p.hintCount
                && Objects.equals(hintsSha256, p.hintsSha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                software,
                softwareVersion,
                backend,
                model,
                modelSha256,
                renderFactor,
                chromaStrength,
                device,
                timings,
                created,
                sourceName,
                sourceSha256,
                hintCount,
                hintsSha256);
    }

    @Override
    public String toString() {
        return "Provenance[software=" + software + ", softwareVersion=" + softwareVersion + ", backend=" + backend
                + ", model=" + model + ", modelSha256=" + modelSha256 + ", renderFactor=" + renderFactor
                + ", chromaStrength=" + chromaStrength + ", device=" + device + ", timings=" + timings
                + ", created=" + created + ", sourceName=" + sourceName + ", sourceSha256=" + sourceSha256
                + ", hintCount=" + hintCount + ", hintsSha256=" + hintsSha256 + "]";
    }

    /**
     * Builds a {@link Provenance}. Not thread-safe: confine a builder to one thread.
     */
    public static final class Builder {
        private @Nullable String software = SOFTWARE;
        private @Nullable String softwareVersion = LibraryVersion.current();
        private @Nullable String backend;
        private @Nullable String model;
        private @Nullable String modelSha256;
        private int renderFactor;
        private double chromaStrength = 1.0;
        private @Nullable String device;
        private @Nullable Timings timings;
        private @Nullable Instant created = Instant.now();
        private @Nullable String sourceName;
        private @Nullable String sourceSha256;
        private int hintCount;
        private @Nullable String hintsSha256;

        private Builder() {}

        /** @param value the software that made the colours @return this builder */
        public Builder software(String value) {
            software = Objects.requireNonNull(value, "software");
            return this;
        }

        /** @param value its version @return this builder */
        public Builder softwareVersion(String value) {
            softwareVersion = Objects.requireNonNull(value, "softwareVersion");
            return this;
        }

        /** @param value the backend name @return this builder */
        public Builder backend(String value) {
            backend = Objects.requireNonNull(value, "backend");
            return this;
        }

        /** @param value the model name @return this builder */
        public Builder model(String value) {
            model = Objects.requireNonNull(value, "model");
            return this;
        }

        /** @param value the model file's SHA-256, hex, or null when unknown @return this builder */
        public Builder modelSha256(@Nullable String value) {
            modelSha256 = value;
            return this;
        }

        /** @param value the render factor used, or 0 @return this builder */
        public Builder renderFactor(int value) {
            renderFactor = value;
            return this;
        }

        /** @param value the chroma strength used @return this builder */
        public Builder chromaStrength(double value) {
            chromaStrength = value;
            return this;
        }

        /** @param value where inference ran @return this builder */
        public Builder device(String value) {
            device = Objects.requireNonNull(value, "device");
            return this;
        }

        /** @param value where the time went @return this builder */
        public Builder timings(Timings value) {
            timings = Objects.requireNonNull(value, "timings");
            return this;
        }

        /** @param value when the colours were made @return this builder */
        public Builder created(Instant value) {
            created = Objects.requireNonNull(value, "created");
            return this;
        }

        /** @param value the source file's name (no directories), or null @return this builder */
        public Builder sourceName(@Nullable String value) {
            sourceName = value;
            return this;
        }

        /** @param value the source file's SHA-256, hex, or null @return this builder */
        public Builder sourceSha256(@Nullable String value) {
            sourceSha256 = value;
            return this;
        }

        /**
         * Sets how many colour hints guided the colours.
         *
         * @param value 0 for automatic colours
         * @return this builder
         */
        public Builder hintCount(int value) {
            hintCount = value;
            return this;
        }

        /**
         * Sets the SHA-256 of the hints sidecar file.
         *
         * @param value hex, or null
         * @return this builder
         */
        public Builder hintsSha256(@Nullable String value) {
            hintsSha256 = value;
            return this;
        }

        /**
         * The record.
         *
         * @return a new record
         * @throws NullPointerException if backend, model, device or timings is not set
         */
        public Provenance build() {
            return new Provenance(this);
        }
    }
}
