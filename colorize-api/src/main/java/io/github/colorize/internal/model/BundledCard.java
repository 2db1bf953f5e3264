package io.github.colorize.internal.model;

import io.github.colorize.ModelCard;
import io.github.colorize.ModelCard.Sizing;
import io.github.colorize.ModelFamily;
import io.github.colorize.ModelSource;
import io.github.colorize.PipelineId;
import io.github.colorize.PostProcessing;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Optional;
import java.util.Properties;

/**
 * The project's own model, shipped by {@code io.github.colorize:colorize-model} as resources of the
 * package {@value #DIRECTORY} (that artifact holds no code): its file names, its properties file and the
 * card built from it. The one owner of these names for every backend. Without the properties file (the
 * artifact is absent, or the model has not been trained yet) a card with the agreed contract and no
 * hash is returned, and loading it fails with a message that names the missing artifact.
 *
 * <p>Properties keys read (all optional except the hash when the file is present): {@code name},
 * {@code version}, {@code license}, {@code onnx.file}, {@code onnx.sha256}, {@code torchscript.file},
 * {@code torchscript.sha256} (the DJL backend's PyTorch engine), {@code input}, {@code output}, {@code
 * inputMultiple}, {@code outputScale}, {@code defaultRenderFactor}, {@code description}; others
 * (parameters, GFLOPs, colour space) are informative. Static and thread-safe.
 */
public final class BundledCard {

    /** The resource folder of the bundled model files. */
    public static final String DIRECTORY = "io/github/colorize/model/";
    /** The bundled model's card name. */
    public static final String NAME = "colorize-compact-v2";
    /** The bundled model's properties resource. */
    public static final String PROPERTIES = DIRECTORY + NAME + ".properties";
    /** The default ONNX file name (the properties' {@code onnx.file} may name another). */
    public static final String ONNX_FILE = NAME + ".onnx";
    /** The default TorchScript file name (the properties' {@code torchscript.file} may name another). */
    public static final String TORCHSCRIPT_FILE = NAME + ".torchscript.pt";
    /** The default ONNX file resource. */
    public static final String ONNX = DIRECTORY + ONNX_FILE;

    private static final int DEFAULT_FACTOR = 24;

    private BundledCard() {}

    /**
     * Reads the bundled properties file.
     *
     * @param resolver where class-path resources are looked up
     * @return the properties, or empty when no colorize-model artifact is on the class path
     * @throws IOException if the file is there but cannot be read
     */
    public static Optional<Properties> readProperties(ModelResolver resolver) throws IOException {
        Optional<URL> url = resolver.findResource(PROPERTIES);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = url.get().openStream()) {
            p.load(in);
        }
        return Optional.of(p);
    }

    /**
     * Builds the card from the bundled properties.
     *
     * @param props the properties, or null when the resource is absent
     * @return the card
     * @throws IllegalArgumentException if the properties are malformed
     */
    public static ModelCard fromProperties(Properties props) {
        Properties p = props == null ? new Properties() : props;
        String file = p.getProperty("onnx.file", ONNX_FILE).trim();
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
