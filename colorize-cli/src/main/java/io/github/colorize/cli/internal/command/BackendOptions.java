package io.github.colorize.cli.internal.command;

import io.github.colorize.BackendConfig;
import io.github.colorize.Colorizer;
import io.github.colorize.Colorizers;
import io.github.colorize.ModelCard;
import io.github.colorize.ModelCards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/**
 * Which backend and model to use: the options shared by every command that colourises. Not
 * thread-safe (filled by picocli, then read).
 */
public final class BackendOptions {

    @Option(
            names = {"-b", "--backend"},
            paramLabel = "NAME",
            description = "Backend to use (see 'colorize backends'). Default: the "
                    + Colorizers.BACKEND_PROPERTY + " property, the " + Colorizers.BACKEND_ENV
                    + " variable, or the best available local backend. Remote backends upload your photos and"
                    + " are only used when named.")
    String backend;

    @Option(
            names = {"-m", "--model"},
            paramLabel = "NAME|PATH",
            description = "Model: a name from 'colorize models' or a model file. Default: the backend's own.")
    String model;

    @Option(
            names = "--device",
            paramLabel = "DEVICE",
            description = "Where to run: auto, cpu, cuda or cuda:N. Default: auto.")
    String device;

    @Option(
            names = {"-B", "--backend-option"},
            paramLabel = "KEY=VALUE",
            description = "A backend-specific setting, for example fidelity=reference. Repeatable.")
    Map<String, String> backendOptions = new LinkedHashMap<>();

    /**
     * The backend settings. API keys are never taken from the command line (process lists and shell
     * histories would show them): remote backends read their own environment variable (deepai: {@code
     * DEEPAI_API_KEY}).
     *
     * @return the config
     */
    public BackendConfig config() {
        BackendConfig.Builder b = BackendConfig.builder();
        for (String key : backendOptions.keySet()) {
            // A secret given here would be kept in plain text in the shell history and process list.
            if (isSecret(key)) {
                throw new UsageError("-B " + key + ": secrets are not accepted on the command line; set the"
                        + " backend's environment variable instead (deepai: DEEPAI_API_KEY)");
            }
        }
        backendOptions.forEach(b::set);
        if (model != null) {
            b.model(model);
        }
        if (device != null) {
            b.device(device);
        }
        return b.build();
    }

    /**
     * Creates the colorizer these options name.
     *
     * @return a colorizer; the caller closes it
     * @throws io.github.colorize.ColorizeException if none can be created
     */
    public Colorizer create() {
        return backend == null ? Colorizers.create(config()) : Colorizers.create(backend, config());
    }

    /**
     * The settings that shape results, for the manifest's fingerprint (never the API key). The model
     * is named with what identifies its weights (a card's SHA-256, a file's size and time), so that a
     * batch run again after an upgrade that ships a new bundled model, or with a model file replaced,
     * colourises its photos again instead of counting the old model's outputs as done.
     *
     * @return for example {@code
     *     backend=auto;model=default(colorize-compact-v2@d5be579442a51857);options={fidelity=reference}}
     */
    String fingerprint() {
        Map<String, String> shown = new TreeMap<>(backendOptions);
        // config() refuses secrets first; this keeps them out of every manifest line even if it did not.
        shown.keySet().removeIf(BackendOptions::isSecret);
        return "backend=" + (backend == null ? "auto" : backend) + ";model=" + modelIdentity() + ";options=" + shown;
    }

    private String modelIdentity() {
        if (model == null) {
            // Local backends (the only ones chosen implicitly) use the bundled model; a remote one its own.
            boolean local = backend == null || backend.equals("onnx") || backend.equals("djl");
            return local
                    ? ModelCards.find(ModelCards.bundledName())
                            .map(c -> "default(" + c.name() + shaSuffix(c) + ")")
                            .orElse("default")
                    : "default";
        }
        Optional<ModelCard> card = ModelCards.find(model);
        if (card.isPresent()) {
            return model + shaSuffix(card.get());
        }
        try {
            Path file = Path.of(model);
            if (Files.isRegularFile(file)) {
                return model + "(" + Files.size(file) + " bytes, " + Files.getLastModifiedTime(file) + ")";
            }
        } catch (IOException | InvalidPathException e) {
            // A URL or an unreadable path: the name is all there is; creating the backend will say more.
        }
        return model;
    }

    private static String shaSuffix(ModelCard card) {
        return card.expectedSha256().map(sha -> "@" + sha.substring(0, 16)).orElse("");
    }

    /**
     * Whether a {@code -B} key names a secret: whatever the library's {@link BackendConfig} treats as one
     * ({@code *apiKey}, {@code *token}, {@code *secret}, {@code *password}, any case), and, stricter, any
     * key containing {@code key}.
     *
     * @param key the option's key
     * @return true for a secret
     */
    static boolean isSecret(String key) {
        // The library's rule is private; asked through its public builder (which moves secret keys out
        // of values()) rather than copied, so that the two can never drift apart.
        boolean librarySecret =
                !BackendConfig.builder().set(key, "").build().keys().contains(key);
        return librarySecret || key.toLowerCase(java.util.Locale.ROOT).contains("key");
    }
}
