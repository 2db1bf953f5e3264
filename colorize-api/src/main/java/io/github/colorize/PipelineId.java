package io.github.colorize;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The colour pipeline a {@link ModelCard} names: how a photo becomes a graph's input tensor and how the
 * graph's output becomes colours. Card files spell it by {@link #id()}.
 *
 * <p>Thread-safe (an enum). New pipelines are added as new constants.
 */
public enum PipelineId {
    /** A raw DeOldify generator: ImageNet-normalised gray RGB in, normalised RGB out. */
    DEOLDIFY("deoldify"),
    /** A DeOldify graph with the scaling baked in: gray RGB 0–255 in, RGB 0–255 out. */
    DEOLDIFY_255("deoldify-255"),
    /** DDColor: gray RGB made from Lab L in [0, 1] in, a*b* out. */
    DDCOLOR("ddcolor"),
    /** ECCV16 (Zhang, Isola and Efros): L (0–100) in, a*b* out. */
    ECCV16("eccv16"),
    /** SIGGRAPH17 (Zhang et al.): L (0–100) and the hint inputs in, a*b* out. */
    SIGGRAPH17("siggraph17"),
    /** The bundled model: L/100 in, a*b* at a quarter of the input's size out. */
    COLORIZE_CHROMA("colorize-chroma");

    private final String id;

    PipelineId(String id) {
        this.id = id;
    }

    /**
     * The id as card files spell it ({@code deoldify-255}).
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * The pipeline with an id, in any case, surrounding blanks ignored.
     *
     * @param id the id
     * @return the pipeline
     * @throws IllegalArgumentException naming the known ids if {@code id} is none of them
     */
    public static PipelineId parse(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        for (PipelineId p : values()) {
            if (p.id.equals(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown colour pipeline '" + id + "'; known: "
                + Arrays.stream(values()).map(PipelineId::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
