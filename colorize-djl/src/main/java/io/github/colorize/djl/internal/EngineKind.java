package io.github.colorize.djl.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The DJL engines this backend drives, and how the {@code engine} setting and a model file choose one.
 * Immutable.
 */
public enum EngineKind {
    /** DJL's ONNX Runtime engine, for {@code .onnx} graphs. */
    ONNX_RUNTIME("OnnxRuntime", "ai.djl.onnxruntime.engine.OrtEngineProvider", "onnxruntime"),
    /** DJL's PyTorch engine, for TorchScript files. */
    PYTORCH("PyTorch", "ai.djl.pytorch.engine.PtEngineProvider", "pytorch");

    /** The setting choosing the engine. */
    public static final String SETTING = "engine";

    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private final String djlName;
    private final String providerClass;
    private final String settingValue;

    EngineKind(String djlName, String providerClass, String settingValue) {
        this.djlName = djlName;
        this.providerClass = providerClass;
        this.settingValue = settingValue;
    }

    /**
     * The engine's name in DJL ({@code Engine.getEngine(name)}, {@code Criteria.optEngine}).
     *
     * @return the name
     */
    public String djlName() {
        return djlName;
    }

    /**
     * The engine provider class, probed (never initialised) by availability checks.
     *
     * @return the class name
     */
    public String providerClass() {
        return providerClass;
    }

    /**
     * The value of the {@value #SETTING} setting naming this engine.
     *
     * @return {@code onnxruntime} or {@code pytorch}
     */
    public String settingValue() {
        return settingValue;
    }

    /**
     * Parses the {@value #SETTING} setting.
     *
     * @param text {@code auto} (or empty), {@code onnxruntime} ({@code onnx}, {@code ort}) or {@code
     *     pytorch} ({@code torch}, {@code torchscript}), any case
     * @return the engine, or empty for {@code auto} (decided by the model file)
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Optional<EngineKind> parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "", "auto" -> Optional.empty();
            case "onnxruntime", "onnx", "ort" -> Optional.of(ONNX_RUNTIME);
            case "pytorch", "torch", "torchscript" -> Optional.of(PYTORCH);
            default ->
                throw new IllegalArgumentException(
                        SETTING + " must be auto, onnxruntime or pytorch, got '" + text + "'");
        };
    }

    /**
     * The engine a model file's name asks for: {@code .pt}, {@code .pth} and {@code .torchscript} are
     * TorchScript, {@code .onnx} is ONNX.
     *
     * @param fileName a plain file name
     * @return the engine, or empty if the name does not say
     */
    public static Optional<EngineKind> fromFileName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".onnx")) {
            return Optional.of(ONNX_RUNTIME);
        }
        if (n.endsWith(".pt") || n.endsWith(".pth") || n.endsWith(".torchscript")) {
            return Optional.of(PYTORCH);
        }
        return Optional.empty();
    }

    /**
     * The engine a local file's content asks for: TorchScript files are zip archives, ONNX files are
     * protocol buffers (which never start with a zip header). Reads four bytes.
     *
     * @param file the file
     * @return the engine
     * @throws IOException if the file cannot be read
     */
    public static EngineKind fromContent(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(ZIP.length), ZIP) ? PYTORCH : ONNX_RUNTIME;
        }
    }
}
