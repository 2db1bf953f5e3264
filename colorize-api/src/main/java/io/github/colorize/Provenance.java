package io.github.colorize;

import io.github.colorize.internal.provenance.LibraryVersion;
import io.github.colorize.internal.provenance.ProvenanceFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The honest record of a colourisation: that its colours were made by a trained algorithm, by what,
 * when and from which source. It travels with every {@link ColorizedImage} and is embedded as XMP in
 * written files (PNG iTXt {@code XML:com.adobe.xmp}, JPEG APP1), where {@code colorize verify} and
 * exiftool read it.
 *
 * <p>Immutable and thread-safe. It never holds secrets (API keys, credentials in URLs).
 *
 * @param software the software that made the colours ({@code "colorize"})
 * @param softwareVersion its version
 * @param backend the backend name ({@code "onnx"}, {@code "djl"}, {@code "deepai"})
 * @param model the model name; for a remote service, the service's own model
 * @param modelSha256 the SHA-256 of the model file, hex, or {@code null} when unknown (remote)
 * @param renderFactor the render factor actually used, or 0 where the notion does not apply
 * @param chromaStrength the chroma strength used
 * @param device where inference ran ({@code "cpu"}, {@code "cuda:0"}, {@code "remote"})
 * @param timings where the time went
 * @param created when the colours were made
 * @param sourceName the source file's name (no directories), or {@code null} for in-memory images
 * @param sourceSha256 the SHA-256 of the source file, hex, or {@code null} for in-memory images
 */
public record Provenance(
        String software,
        String softwareVersion,
        String backend,
        String model,
        String modelSha256,
        int renderFactor,
        double chromaStrength,
        String device,
        Timings timings,
        Instant created,
        String sourceName,
        String sourceSha256) {

    /**
     * The IPTC digital source type for media made by a trained algorithm from a real photo.
     */
    public static final String DIGITAL_SOURCE_TYPE =
            "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia";

    /** The software name written into every record. */
    public static final String SOFTWARE = "colorize";

    /** Validates the components. */
    public Provenance {
        Objects.requireNonNull(software, "software");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(timings, "timings");
        Objects.requireNonNull(created, "created");
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
            String modelSha256,
            int renderFactor,
            double chromaStrength,
            String device,
            Timings timings) {
        return new Provenance(
                SOFTWARE,
                LibraryVersion.current(),
                backend,
                model,
                modelSha256,
                renderFactor,
                chromaStrength,
                device,
                timings,
                Instant.now(),
                null,
                null);
    }

    /**
     * The same record naming its source file.
     *
     * @param name the source file's name
     * @param sha256 the source file's SHA-256, hex
     * @return the new record
     */
    public Provenance withSource(String name, String sha256) {
        return new Provenance(
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
                name,
                sha256);
    }

    /**
     * The same record with other timings.
     *
     * @param newTimings the timings
     * @return the new record
     */
    public Provenance withTimings(Timings newTimings) {
        return new Provenance(
                software,
                softwareVersion,
                backend,
                model,
                modelSha256,
                renderFactor,
                chromaStrength,
                device,
                newTimings,
                created,
                sourceName,
                sourceSha256);
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
}
