package io.github.colorize;

import java.nio.file.Path;
import java.util.Locale;

/** Output formats. Both carry the XMP provenance record. Immutable and thread-safe, like any enum. */
public enum ImageFormat {
    /** Lossless PNG (XMP in an iTXt chunk). */
    PNG("png"),
    /** JPEG (XMP in an APP1 segment). */
    JPEG("jpg");

    private final String extension;

    ImageFormat(String extension) {
        this.extension = extension;
    }

    /**
     * The usual file extension, without the dot.
     *
     * @return {@code png} or {@code jpg}
     */
    public String extension() {
        return extension;
    }

    /**
     * The format a file name's extension names.
     *
     * @param file the file
     * @return the format
     * @throws IllegalArgumentException for other extensions
     */
    public static ImageFormat fromPath(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".png")) {
            return PNG;
        }
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return JPEG;
        }
        throw new IllegalArgumentException(file + ": cannot tell the output format; use .png, .jpg or .jpeg");
    }

    /**
     * Parses {@code png}, {@code jpg} or {@code jpeg}.
     *
     * @param text the name
     * @return the format
     */
    public static ImageFormat parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "png" -> PNG;
            case "jpg", "jpeg" -> JPEG;
            default -> throw new IllegalArgumentException("unknown format '" + text + "'; use png or jpg");
        };
    }
}
