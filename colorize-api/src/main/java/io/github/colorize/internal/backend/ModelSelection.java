package io.github.colorize.internal.backend;

import io.github.colorize.BackendConfig;
import io.github.colorize.ModelCard;
import io.github.colorize.ModelCards;
import io.github.colorize.ModelException;
import io.github.colorize.ModelSource;
import io.github.colorize.internal.model.BundledCard;
import io.github.colorize.internal.model.ModelResolver;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the {@code model} setting into a card; shared by the local graph backends ({@code onnx},
 * {@code djl}). The setting may be empty (the bundled model), a card name, a card file ({@code
 * .properties} or {@code .json}), a model file ({@code .onnx}, or a TorchScript {@code .pt} for
 * backends that run those), or an {@code https} URL. A bare model file or URL takes its contract from
 * the card named by the {@value #CARD} setting, else from the card whose file has the same name, else
 * from the card whose file has the same stem (so {@code x.torchscript.pt} follows the card of {@code
 * x.onnx}); a URL needs the {@value #SHA256} setting. Static and thread-safe.
 */
public final class ModelSelection {

    /** Setting naming the card a bare model file or URL follows. */
    public static final String CARD = "card";
    /** Setting giving a URL model's SHA-256. */
    public static final String SHA256 = "sha256";

    /** Model file extensions, longest first, that {@link #stem} strips. */
    private static final List<String> MODEL_EXTENSIONS =
            List.of(".torchscript.pt", ".torchscript", ".onnx", ".pth", ".pt");

    private ModelSelection() {}

    /**
     * What the setting points at, decided without reading any file: for availability probes.
     *
     * @param config the settings
     * @param resolver looks up resources and cache locations
     * @return empty if a model is there to load, else why not
     */
    public static Optional<String> problem(BackendConfig config, ModelResolver resolver) {
        String model = config.model().map(String::trim).orElse("");
        try {
            if (model.isEmpty() || ModelCards.find(model).isPresent()) {
                ModelCard card =
                        model.isEmpty() ? bundled() : ModelCards.find(model).orElseThrow();
                return missing(card, resolver);
            }
            if (isUrl(model)) {
                fromUrl(model, config);
                return Optional.empty();
            }
            Path file = Path.of(model);
            if (!Files.isRegularFile(file)) {
                return Optional.of("model '" + model + "' is neither a known card ("
                        + ModelCards.all().stream().map(ModelCard::name).toList() + ") nor an existing file");
            }
            if (isCardFile(file)) {
                // Reading and registering the card is left to create(); probes only look.
                return Optional.empty();
            }
            fromFile(file, config);
            return Optional.empty();
        } catch (IllegalArgumentException | ModelException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * The card for the setting, registering card files on the way.
     *
     * @param config the settings
     * @return the card
     * @throws ModelException if the setting names nothing usable
     */
    public static ModelCard select(BackendConfig config) {
        String model = config.model().map(String::trim).orElse("");
        if (model.isEmpty()) {
            return bundled();
        }
        Optional<ModelCard> named = ModelCards.find(model);
        if (named.isPresent()) {
            return named.get();
        }
        try {
            if (isUrl(model)) {
                return fromUrl(model, config);
            }
            Path file = Path.of(model);
            if (!Files.isRegularFile(file)) {
                throw new ModelException(
                        "model '" + model + "' is neither a known card nor an existing file; known" + " cards: "
                                + ModelCards.all().stream().map(ModelCard::name).toList());
            }
            return isCardFile(file) ? ModelCards.load(file) : fromFile(file, config);
        } catch (IllegalArgumentException e) {
            throw new ModelException("model setting '" + printable(config) + "': " + e.getMessage(), e);
        }
    }

    private static ModelCard bundled() {
        return ModelCards.find(ModelCards.bundledName()).orElseThrow();
    }

    private static Optional<String> missing(ModelCard card, ModelResolver resolver) {
        ModelSource s = card.source();
        if (s instanceof ModelSource.Resource r) {
            return resolver.findResource(r.name()).isPresent()
                    ? Optional.empty()
                    : Optional.of("model " + card.name() + ": resource " + r.name() + " is not on the class path"
                            + (r.name().startsWith(BundledCard.DIRECTORY)
                                    ? " (add io.github.colorize:colorize-model, or set model= to another card or file)"
                                    : ""));
        }
        if (s instanceof ModelSource.File f) {
            return Files.isRegularFile(f.path())
                    ? Optional.empty()
                    : Optional.of("model " + card.name() + ": file " + f.path() + " does not exist");
        }
        if (s instanceof ModelSource.Manual m) {
            Path where = resolver.expectedLocation(card).orElseThrow();
            return Files.isRegularFile(where)
                    ? Optional.empty()
                    : Optional.of("model " + card.name() + ": " + m.fileName() + " is not in the model cache; "
                            + m.instructions() + " Put it at " + where + ".");
        }
        // URL sources download (and verify) when the colorizer is created.
        return Optional.empty();
    }

    /**
     * The model setting as it may appear in messages and logs: URLs lose their user information and
     * query, which may carry credentials (signed download links).
     *
     * @param config the settings
     * @return the printable setting, or the bundled card's name when unset
     */
    public static String printable(BackendConfig config) {
        String model = config.model().map(String::trim).orElse("");
        if (model.isEmpty()) {
            return ModelCards.bundledName() + " (bundled)";
        }
        if (!isUrl(model)) {
            return model;
        }
        try {
            URI u = URI.create(model);
            return u.getScheme() + "://" + (u.getHost() == null ? "" : u.getHost())
                    + (u.getPort() < 0 ? "" : ":" + u.getPort()) + (u.getRawPath() == null ? "" : u.getRawPath())
                    + (u.getRawQuery() == null ? "" : "?…");
        } catch (IllegalArgumentException e) {
            return "(malformed URL)";
        }
    }

    private static boolean isUrl(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.startsWith("https://") || l.startsWith("http://");
    }

    private static boolean isCardFile(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".properties") || n.endsWith(".json");
    }

    /**
     * A model file's name without its format extension: {@code x} for {@code x.onnx}, {@code
     * x.torchscript.pt}, {@code x.pt} and {@code x.pth}.
     *
     * @param fileName a plain file name
     * @return the stem
     */
    public static String stem(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String ext : MODEL_EXTENSIONS) {
            if (lower.endsWith(ext) && lower.length() > ext.length()) {
                return fileName.substring(0, fileName.length() - ext.length());
            }
        }
        return fileName;
    }

    private static ModelCard fromUrl(String url, BackendConfig config) {
        String sha = config.get(SHA256)
                .orElseThrow(() -> new IllegalArgumentException("a model URL needs the sha256 setting (the SHA-256 of"
                        + " the file), so that the download can be verified"));
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            // The parser's message quotes the whole URL, credentials included: keep it out.
            throw new IllegalArgumentException("the model URL is malformed");
        }
        ModelSource source = ModelSource.url(uri, sha);
        return base(source.fileName(), config).withSource(source);
    }

    private static ModelCard fromFile(Path file, BackendConfig config) {
        return base(file.getFileName().toString(), config).withSource(ModelSource.file(file.toAbsolutePath()));
    }

    private static ModelCard base(String fileName, BackendConfig config) {
        Optional<String> cardName = config.get(CARD);
        if (cardName.isPresent()) {
            return ModelCards.find(cardName.get())
                    .orElseThrow(() -> new IllegalArgumentException("card '" + cardName.get() + "' is not known"));
        }
        List<ModelCard> all = ModelCards.all();
        return all.stream()
                .filter(c -> c.source().fileName().equalsIgnoreCase(fileName))
                .findFirst()
                .or(() -> all.stream()
                        .filter(c -> stem(c.source().fileName()).equalsIgnoreCase(stem(fileName)))
                        .findFirst())
                .orElseThrow(() -> new IllegalArgumentException("no card describes " + fileName
                        + "; set card=<name> to the card whose tensor contract it follows, or write a card file"));
    }
}
