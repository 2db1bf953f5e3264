package io.github.colorize;

import io.github.colorize.internal.model.BuiltInCards;
import io.github.colorize.internal.model.BundledCard;
import io.github.colorize.internal.model.CardFiles;
import io.github.colorize.internal.model.ModelCache;
import io.github.colorize.internal.model.ModelResolver;
import io.github.colorize.internal.model.ResolvedModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The known {@link ModelCard}s: the built-in ones (this project's bundled model, DeOldify, DDColor,
 * ECCV16, SIGGRAPH17) and any a program registers. Backends look cards up here by the {@code model}
 * setting of {@link BackendConfig}.
 *
 * <pre>{@code
 * ModelCards.register(ModelCards.find("deoldify-artistic").orElseThrow().toBuilder()
 *         .name("my-artistic")
 *         .source(ModelSource.file(Path.of("/models/ColorizeArtistic_dyn.onnx")))
 *         .build());
 * try (Colorizer c = Colorizers.create("onnx", BackendConfig.builder().model("my-artistic").build())) { ... }
 * }</pre>
 *
 * <p>Static and thread-safe. The built-in list is read once, lazily, on first use (the bundled card's
 * details come from the bundled model's properties file when {@code colorize-model} is present).
 */
public final class ModelCards {

    private static final Logger LOG = LoggerFactory.getLogger(ModelCards.class);
    private static final Map<String, ModelCard> REGISTERED = new ConcurrentHashMap<>();
    private static volatile List<ModelCard> builtIn;

    private ModelCards() {}

    /**
     * The name of the bundled model's card, used when no model is configured.
     *
     * @return {@code colorize-compact-v2}
     */
    public static String bundledName() {
        return BundledCard.NAME;
    }

    /**
     * The cards shipped with the library, the bundled model first.
     *
     * @return an immutable list
     */
    public static List<ModelCard> builtIn() {
        List<ModelCard> cards = builtIn;
        if (cards == null) {
            synchronized (ModelCards.class) {
                cards = builtIn;
                if (cards == null) {
                    List<ModelCard> all = new ArrayList<>();
                    all.add(loadBundled());
                    all.addAll(BuiltInCards.thirdParty());
                    cards = List.copyOf(all);
                    builtIn = cards;
                }
            }
        }
        return cards;
    }

    /**
     * Every known card: built-in first, then registered ones by name.
     *
     * @return an immutable snapshot
     */
    public static List<ModelCard> all() {
        List<ModelCard> out = new ArrayList<>(builtIn());
        REGISTERED.values().stream()
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .forEach(out::add);
        return List.copyOf(out);
    }

    /**
     * Finds a card by name (case-insensitive).
     *
     * @param name the card name
     * @return the card, if known
     */
    public static Optional<ModelCard> find(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        for (ModelCard c : builtIn()) {
            if (c.name().equals(key)) {
                return Optional.of(c);
            }
        }
        return Optional.ofNullable(REGISTERED.get(key));
    }

    /**
     * Registers a card so that backends find it by name. A card registered earlier under the same name
     * is replaced; built-in names cannot be taken.
     *
     * @param card the card
     * @throws IllegalArgumentException if the name belongs to a built-in card
     */
    public static void register(ModelCard card) {
        Objects.requireNonNull(card, "card");
        if (builtIn().stream().anyMatch(c -> c.name().equals(card.name()))) {
            throw new IllegalArgumentException("'" + card.name() + "' is a built-in card name; derive a card with"
                    + " toBuilder().name(\"another-name\") instead");
        }
        ModelCard previous = REGISTERED.put(card.name(), card);
        if (previous != null && !previous.equals(card)) {
            LOG.debug("model card '{}' replaced", card.name());
        }
    }

    /**
     * Removes a registered card (for tests and hosts that reconfigure).
     *
     * @param name the card name
     * @return whether a card was removed
     */
    public static boolean unregister(String name) {
        return REGISTERED.remove(name.trim().toLowerCase(Locale.ROOT)) != null;
    }

    /**
     * Reads a card from a {@code .properties} or {@code .json} file and registers it. The file format:
     * flat keys {@code name}, {@code base} (a known card to start from), {@code file} (relative to the
     * card file) or {@code resource} or {@code url} + {@code sha256}, {@code license}, {@code family},
     * {@code input}, {@code output}, {@code auxiliaryInputs}, {@code dtype}, {@code valueRange}, {@code
     * sizing} ({@code fixed:256}, {@code square:32}, {@code area:32/4}), {@code defaultRenderFactor},
     * {@code pipeline}, {@code postProcessing}, {@code version}, {@code description}.
     *
     * @param file the card file
     * @return the registered card
     * @throws ModelException naming the file and what is wrong with it
     */
    public static ModelCard load(Path file) {
        ModelCard card = CardFiles.read(file, ModelCards::find);
        try {
            register(card);
        } catch (IllegalArgumentException e) {
            throw new ModelException("card file " + file + ": " + e.getMessage(), e);
        }
        return card;
    }

    /**
     * The folder that holds downloaded and hand-placed model files: {@code ~/.cache/colorize/models}
     * unless the {@code colorize.model.cache} system property or the {@code COLORIZE_MODEL_CACHE}
     * environment variable says otherwise. Not created by this call.
     *
     * @return the folder
     */
    public static Path cacheDirectory() {
        return ModelCache.defaultCache().directory();
    }

    /**
     * Makes a card's model file available and verified on this machine: downloads URL sources into the
     * cache (checking the SHA-256, moving the file into place atomically), checks local and hand-placed
     * files against the card's hash, and verifies class-path resources in place.
     *
     * @param card the card
     * @param progress hears download progress
     * @return the local file, or empty for a class-path resource (which has none)
     * @throws ModelException if the file is missing, unreachable or fails verification
     */
    public static Optional<Path> prefetch(ModelCard card, DownloadProgress progress) {
        ResolvedModel resolved = ModelResolver.defaults().resolve(card, progress);
        return resolved.localFile();
    }

    private static ModelCard loadBundled() {
        try {
            return BundledCard.fromProperties(
                    BundledCard.readProperties(ModelResolver.defaults()).orElse(null));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn(
                    "bundled model card {} is unreadable ({}); the bundled model cannot be verified",
                    BundledCard.PROPERTIES,
                    e.toString());
            return BundledCard.fromProperties(null);
        }
    }
}
