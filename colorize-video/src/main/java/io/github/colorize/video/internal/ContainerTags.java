package io.github.colorize.video.internal;

import io.github.colorize.Provenance;
import io.github.colorize.Timings;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The provenance record as container tags: the same fields, under the same names, as the XMP record
 * of photos, prefixed {@value #PREFIX}, plus the IPTC digital source type and a human-readable caveat
 * in the standard {@code comment} tag. MP4/MOV get them as QuickTime {@code mdta} keys, Matroska as
 * tags; both are what {@code ffprobe} and exiftool show. Stateless.
 *
 * <p>Timings are known only at the end of the job: {@link #late} gives them separately, and only
 * containers that write their tags at the end (MP4, MOV) keep them.
 */
public final class ContainerTags {

    /** The prefix of every colorize tag. */
    public static final String PREFIX = "colorize:";

    /** The standard tag that carries the caveat. */
    public static final String COMMENT = "comment";

    /** The same sentence as the photos' {@code dc:description}. */
    public static final String CAVEAT =
            "Colourised by a machine-learning model; the colours are an estimate, not a historical record.";

    static final String DIGITAL_SOURCE_TYPE = PREFIX + "digitalSourceType";
    static final String SOFTWARE = PREFIX + "software";
    static final String SOFTWARE_VERSION = PREFIX + "softwareVersion";
    static final String BACKEND = PREFIX + "backend";
    static final String MODEL = PREFIX + "model";
    static final String MODEL_SHA256 = PREFIX + "modelSha256";
    static final String RENDER_FACTOR = PREFIX + "renderFactor";
    static final String CHROMA_STRENGTH = PREFIX + "chromaStrength";
    static final String DEVICE = PREFIX + "device";
    static final String CREATED = PREFIX + "created";
    static final String SOURCE_NAME = PREFIX + "sourceName";
    static final String SOURCE_SHA256 = PREFIX + "sourceSha256";
    static final String TIME_PREPROCESS = PREFIX + "timePreprocess";
    static final String TIME_INFERENCE = PREFIX + "timeInference";
    static final String TIME_POSTPROCESS = PREFIX + "timePostprocess";
    /** Video only: whether the chroma was stabilised over time. */
    public static final String STABILISED = PREFIX + "stabilised";

    private ContainerTags() {}

    /**
     * The tags written with the header.
     *
     * @param p the record (its timings are ignored here)
     * @param stabilised whether stabilisation was on
     * @return the tags, in a stable order
     */
    public static Map<String, String> early(Provenance p, boolean stabilised) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put(COMMENT, CAVEAT);
        t.put(DIGITAL_SOURCE_TYPE, Provenance.DIGITAL_SOURCE_TYPE);
        t.put(SOFTWARE, p.software());
        t.put(SOFTWARE_VERSION, p.softwareVersion());
        t.put(BACKEND, p.backend());
        t.put(MODEL, p.model());
        if (p.modelSha256() != null) {
            t.put(MODEL_SHA256, p.modelSha256());
        }
        t.put(RENDER_FACTOR, Integer.toString(p.renderFactor()));
        t.put(CHROMA_STRENGTH, Double.toString(p.chromaStrength()));
        t.put(DEVICE, p.device());
        t.put(CREATED, p.created().toString());
        if (p.sourceName() != null) {
            t.put(SOURCE_NAME, p.sourceName());
        }
        if (p.sourceSha256() != null) {
            t.put(SOURCE_SHA256, p.sourceSha256());
        }
        t.put(STABILISED, Boolean.toString(stabilised));
        return t;
    }

    /**
     * The tags known only at the end.
     *
     * @param timings the summed timings of all frames
     * @return the tags
     */
    public static Map<String, String> late(Timings timings) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put(TIME_PREPROCESS, timings.preprocess().toString());
        t.put(TIME_INFERENCE, timings.inference().toString());
        t.put(TIME_POSTPROCESS, timings.postprocess().toString());
        return t;
    }

    /**
     * Reads a record back from container tags.
     *
     * @param tags the container's tags (keys compared without regard to case: some muxers change it)
     * @return the record, or empty when the tags hold none
     * @throws IllegalArgumentException if a colorize record is present but a required field is
     *     missing or unparsable
     */
    public static Optional<Provenance> read(Map<String, String> tags) {
        Map<String, String> t = new LinkedHashMap<>();
        tags.forEach((k, v) -> t.put(k.toLowerCase(java.util.Locale.ROOT), v));
        if (get(t, SOFTWARE) == null && get(t, DIGITAL_SOURCE_TYPE) == null) {
            return Optional.empty();
        }
        try {
            Timings timings = new Timings(
                    duration(get(t, TIME_PREPROCESS)),
                    duration(get(t, TIME_INFERENCE)),
                    duration(get(t, TIME_POSTPROCESS)));
            return Optional.of(Provenance.builder()
                    .software(required(t, SOFTWARE))
                    .softwareVersion(required(t, SOFTWARE_VERSION))
                    .backend(required(t, BACKEND))
                    .model(required(t, MODEL))
                    .modelSha256(get(t, MODEL_SHA256))
                    .renderFactor(Integer.parseInt(required(t, RENDER_FACTOR)))
                    .chromaStrength(Double.parseDouble(required(t, CHROMA_STRENGTH)))
                    .device(required(t, DEVICE))
                    .timings(timings)
                    .created(Instant.parse(required(t, CREATED)))
                    .sourceName(get(t, SOURCE_NAME))
                    .sourceSha256(get(t, SOURCE_SHA256))
                    .build());
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("unparsable colorize tag: " + e.getMessage(), e);
        }
    }

    private static String get(Map<String, String> t, String key) {
        return t.get(key.toLowerCase(java.util.Locale.ROOT));
    }

    private static String required(Map<String, String> t, String key) {
        String v = get(t, key);
        if (v == null) {
            throw new IllegalArgumentException("the colorize tag " + key + " is missing");
        }
        return v;
    }

    private static Duration duration(String v) {
        return v == null ? Duration.ZERO : Duration.parse(v);
    }
}
