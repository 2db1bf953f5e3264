package io.github.colorize.internal.model;

import io.github.colorize.ModelCard;
import io.github.colorize.ModelCard.Sizing;
import io.github.colorize.ModelFamily;
import io.github.colorize.ModelSource;
import io.github.colorize.PipelineId;
import io.github.colorize.PostProcessing;
import java.util.Properties;

/**
 * The card of the project's own model, shipped by {@code io.github.colorize:colorize-model} in the
 * package {@value #DIRECTORY}. The card is built from the model's properties file; without it (the
 * artifact is absent, or the model has not been trained yet) a card with the agreed contract and no
 * hash is returned, and loading it fails with a message that names the missing artifact.
 *
 * <p>Properties keys read (all optional except the hash when the file is present): {@code name},
 * {@code version}, {@code license}, {@code onnx.file}, {@code onnx.sha256}, {@code input}, {@code
 * output}, {@code inputMultiple}, {@code outputScale}, {@code defaultRenderFactor}, {@code
 * description}. Static and thread-safe.
 */
public final class BundledCard {

    /** The resource folder of the bundled model files. */
    public static final String DIRECTORY = "io/github/colorize/model/";
    /** The bundled model's card name. */
    public static final String NAME = "colorize-compact-v2";
    /** The bundled model's properties resource. */
    public static final String PROPERTIES = DIRECTORY + NAME + ".properties";
    /** The default ONNX file resource. */
    public static final String ONNX = DIRECTORY + NAME + ".onnx";

    private static final int DEFAULT_FACTOR = 24;

    private BundledCard() {}

    /**
     * Builds the card from the bundled properties.
     *
     * @param props the properties, or null when the resource is absent
     * @return the card
     * @throws IllegalArgumentException if the properties are malformed
     */
    public static ModelCard fromProperties(Properties props) {
        Properties p = props == null ? new Properties() : props;
        String file = p.getProperty("onnx.file", NAME + ".onnx").trim();
        String sha = p.getProperty("onnx.sha256");
        if (props != null && (sha == null || sha.isBlank())) {
            throw new IllegalArgumentException(PROPERTIES + " must give onnx.sha256");
        }
        int multiple = intValue(p, "inputMultiple", 32);
        int scale = intValue(p, "outputScale", 4);
        return ModelCard.builder()
                .name(p.getProperty("name", NAME).trim())
                .version(p.getProperty("version", props == null ? "not bundled" : "1")
                        .trim())
                .source(ModelSource.resource(DIRECTORY + file))
                .sha256(sha == null || sha.isBlank() ? null : sha.trim())
                .license(p.getProperty("license", "Apache-2.0 (this project)").trim())
                .family(ModelFamily.COLORIZE_CHROMA)
                .inputName(p.getProperty("input", "l").trim())
                .outputName(p.getProperty("output", "ab").trim())
                .valueRange("in: L*/100 of scikit-image-compatible Lab; out: a*b* in Lab units at 1/" + scale
                        + " of the input size")
                .sizing(Sizing.renderFactorArea(multiple, scale))
                .defaultRenderFactor(intValue(p, "defaultRenderFactor", DEFAULT_FACTOR))
                .pipeline(PipelineId.COLORIZE_CHROMA)
                .postProcessing(PostProcessing.LUMINANCE_LAB)
                .description(p.getProperty("description", "this project's compact chroma model (bundled)")
                        .trim())
                .build();
    }

    private static int intValue(Properties p, String key, int fallback) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PROPERTIES + ": " + key + " must be an integer, got '" + v + "'", e);
        }
    }
}
