package io.github.colorize.model;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Optional;
import java.util.Properties;

/**
 * Opens the files of the bundled model, {@value #NAME}, which this jar carries as resources of its
 * own package: {@value #ONNX_FILE}, {@value #TORCHSCRIPT_FILE}, {@value #PROPERTIES_FILE} (the model
 * card: name, version, licence, file names and their SHA-256, tensor contract) and {@code
 * MODEL_CARD.md}.
 *
 * <p>The properties keys the backends read are {@code name}, {@code version}, {@code license},
 * {@code onnx.file}, {@code onnx.sha256}, {@code torchscript.file}, {@code torchscript.sha256},
 * {@code input}, {@code output}, {@code inputMultiple}, {@code outputScale}, {@code
 * defaultRenderFactor} and {@code description}; others (parameters, GFLOPs, colour space) are
 * informative.
 *
 * <p>Static and thread-safe. Every stream returned is new and owned by the caller, who closes it.
 */
public final class BundledModel {

    /** The model's name, also its card name. */
    public static final String NAME = "colorize-compact-v2";
    /** The ONNX graph. */
    public static final String ONNX_FILE = NAME + ".onnx";
    /** The TorchScript module, for DJL's PyTorch engine. */
    public static final String TORCHSCRIPT_FILE = NAME + ".torchscript.pt";
    /** The machine-readable model card. */
    public static final String PROPERTIES_FILE = NAME + ".properties";

    private BundledModel() {}

    /**
     * Where a bundled file is, without opening it.
     *
     * @param fileName a plain file name such as {@link #ONNX_FILE}
     * @return its URL, or empty if this jar does not carry it
     * @throws IllegalArgumentException if the name contains a path
     */
    public static Optional<URL> url(String fileName) {
        return Optional.ofNullable(BundledModel.class.getResource(check(fileName)));
    }

    /**
     * Whether this jar carries a file.
     *
     * @param fileName a plain file name
     * @return true if present
     */
    public static boolean isPresent(String fileName) {
        return url(fileName).isPresent();
    }

    /**
     * Opens a bundled file.
     *
     * @param fileName a plain file name
     * @return a new stream, owned by the caller
     * @throws FileNotFoundException if this jar does not carry the file
     * @throws IOException if it cannot be read
     */
    public static InputStream open(String fileName) throws IOException {
        InputStream in = BundledModel.class.getResourceAsStream(check(fileName));
        if (in == null) {
            throw new FileNotFoundException("the bundled model file " + fileName + " is not in this colorize-model"
                    + " jar (io/github/colorize/model/" + fileName + ")");
        }
        return in;
    }

    /**
     * Reads the model card ({@value #PROPERTIES_FILE}).
     *
     * @return the properties
     * @throws FileNotFoundException if the jar carries no card
     * @throws IOException if it cannot be read
     */
    public static Properties properties() throws IOException {
        Properties p = new Properties();
        try (InputStream in = open(PROPERTIES_FILE)) {
            p.load(in);
        }
        return p;
    }

    private static String check(String fileName) {
        if (fileName == null || fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException("expected a plain file name, got '" + fileName + "'");
        }
        return fileName;
    }
}
