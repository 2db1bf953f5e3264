package io.github.colorize;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a model file comes from: a local file, a class-path resource, a URL (always with the SHA-256
 * it must have), or a file the user obtains by hand because its licence or host forbids automatic
 * download. Immutable and thread-safe.
 *
 * <p>Resolution (see {@link ModelCards#prefetch}) never trusts a download: URL files are verified
 * against their SHA-256 before they enter the model cache, and a file that fails is deleted.
 */
public sealed interface ModelSource {

    /**
     * The file name the model has on disk or in the cache.
     *
     * @return a plain name without directories
     */
    String fileName();

    /**
     * A file on the local disk.
     *
     * @param path the file
     * @return the source
     */
    static ModelSource file(Path path) {
        return new File(path);
    }

    /**
     * A resource on the class path or in an open package of the module path, such as the bundled
     * model.
     *
     * @param name the absolute resource name, for example {@code io/github/colorize/model/x.onnx}
     * @return the source
     */
    static ModelSource resource(String name) {
        return new Resource(name);
    }

    /**
     * A file downloaded once into the model cache and verified.
     *
     * @param uri an {@code http} or {@code https} URL
     * @param sha256 the SHA-256 the file must have (64 hex digits)
     * @return the source
     */
    static ModelSource url(URI uri, String sha256) {
        return new Url(uri, sha256);
    }

    /**
     * A file the user obtains and places in the model cache directory (or passes as a path), because
     * it cannot be downloaded automatically.
     *
     * @param fileName the expected file name
     * @param instructions how to obtain it, shown when the file is missing
     * @return the source
     */
    static ModelSource manual(String fileName, String instructions) {
        return new Manual(fileName, instructions);
    }

    /**
     * A local file.
     *
     * @param path the file
     */
    record File(Path path) implements ModelSource {
        /** Validates the path. */
        public File {
            Objects.requireNonNull(path, "path");
            if (path.getFileName() == null) {
                throw new IllegalArgumentException("model path has no file name: " + path);
            }
        }

        @Override
        public String fileName() {
            return path.getFileName().toString();
        }
    }

    /**
     * A class-path resource.
     *
     * @param name the absolute resource name (no leading slash)
     */
    record Resource(String name) implements ModelSource {
        /** Validates and normalises the name. */
        public Resource {
            Objects.requireNonNull(name, "name");
            name = name.startsWith("/") ? name.substring(1) : name;
            if (name.isEmpty() || name.endsWith("/")) {
                throw new IllegalArgumentException("resource name must name a file: '" + name + "'");
            }
        }

        @Override
        public String fileName() {
            return name.substring(name.lastIndexOf('/') + 1);
        }
    }

    /**
     * A download, verified against its SHA-256.
     *
     * @param uri the {@code http}/{@code https} URL
     * @param sha256 the expected SHA-256, 64 lower-case hex digits
     */
    record Url(URI uri, String sha256) implements ModelSource {
        private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

        /** Validates the URL and hash. */
        public Url {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(sha256, "sha256: a URL model source must carry the SHA-256 of its file");
            sha256 = sha256.trim().toLowerCase(Locale.ROOT);
            if (!HEX64.matcher(sha256).matches()) {
                throw new IllegalArgumentException("sha256 must be 64 hex digits, got '" + sha256 + "'");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("model URL must be http or https: " + redact(uri));
            }
            if (uri.getPath() == null
                    || uri.getPath().isEmpty()
                    || uri.getPath().endsWith("/")) {
                throw new IllegalArgumentException("model URL must name a file: " + redact(uri));
            }
        }

        @Override
        public String fileName() {
            String path = uri.getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }

        /**
         * The URL without user information, query or fragment, safe for logs and messages.
         *
         * @return the redacted URL
         */
        public String redacted() {
            return redact(uri);
        }

        /** Shows the redacted URL: signed URLs carry credentials in their query. */
        @Override
        public String toString() {
            return "Url[uri=" + redacted() + ", sha256=" + sha256 + "]";
        }

        private static String redact(URI uri) {
            String host = uri.getHost() == null ? "" : uri.getHost();
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?…";
            return uri.getScheme() + "://" + host + port + path + query;
        }
    }

    /**
     * A file the user provides.
     *
     * @param fileName the expected file name
     * @param instructions how to obtain it
     */
    record Manual(String fileName, String instructions) implements ModelSource {
        /** Validates the name. */
        public Manual {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(instructions, "instructions");
            if (fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
                throw new IllegalArgumentException("fileName must be a plain file name: '" + fileName + "'");
            }
        }
    }
}
