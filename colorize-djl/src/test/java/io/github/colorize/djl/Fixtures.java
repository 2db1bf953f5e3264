package io.github.colorize.djl;

import io.github.colorize.internal.model.BundledCard;
import io.github.colorize.internal.model.ModelResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The test models: the synthetic graphs in this package's resources and the bundled model's files. */
public final class Fixtures {

    /** Float16 graph following the bundled model's contract. */
    public static final String CHROMA_FP16 = "chroma-fp16.onnx";
    /** The same graph in float32. */
    public static final String CHROMA_FP32 = "chroma-fp32.onnx";
    /** Float32, input fixed at 128x128, with a weight also listed as an input. */
    public static final String CHROMA_FIXED = "chroma-fixed.onnx";

    private Fixtures() {}

    /**
     * Copies a synthetic graph into a folder.
     *
     * @param name one of the constants
     * @param dir the folder
     * @return the copy
     */
    public static Path copy(String name, Path dir) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            Path target = dir.resolve(name);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies a bundled model file into a folder.
     *
     * @param fileName {@link BundledCard#ONNX_FILE} or {@link BundledCard#TORCHSCRIPT_FILE}
     * @param dir the folder
     * @return the copy
     */
    public static Path copyBundled(String fileName, Path dir) {
        String resource = BundledCard.DIRECTORY + fileName;
        try (InputStream in = ModelResolver.defaults()
                .findResource(resource)
                .orElseThrow(() -> new IllegalStateException(resource + " is not on the class path"))
                .openStream()) {
            Path target = dir.resolve(fileName);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a card file next to a model that follows the bundled model's contract.
     *
     * @param name the card name
     * @param model the model file (in the same folder)
     * @param extra more {@code key=value} lines
     * @return the card file
     */
    public static Path chromaCard(String name, Path model, String... extra) {
        StringBuilder text =
                new StringBuilder("name=" + name + "\nbase=colorize-compact-v2\nfile=" + model.getFileName() + "\n");
        for (String line : extra) {
            text.append(line).append('\n');
        }
        try {
            return Files.writeString(model.resolveSibling(name + ".properties"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
