package io.github.colorize.cli.internal.command;

import io.github.colorize.DownloadProgress;
import io.github.colorize.ModelCard;
import io.github.colorize.ModelCards;
import io.github.colorize.ModelSource;
import io.github.colorize.internal.model.ModelCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code colorize models}: the known model cards and whether each model file is at hand. */
@Command(
        name = "models",
        header = "Lists the known models and whether each model file is at hand.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Lists the known models (use a name with --model), the bundled one first, and whether each model file"
                    + " is at hand: bundled, downloaded into the model cache, downloaded on first use (verified"
                    + " against its SHA-256), or to be placed in the cache by hand (licence or host forbids"
                    + " automatic download).",
            "The model cache is ~/.cache/colorize/models unless COLORIZE_MODEL_CACHE or -Dcolorize.model.cache says"
                    + " otherwise."
        })
final class ModelsCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Option(names = "--fetch", paramLabel = "NAME", description = "Download and verify this model now.")
    String fetch;

    @Option(
            names = {"-v", "--verbose"},
            description = "Also show each model's licence, pipeline, input sizing and where its file comes from.")
    boolean verbose;

    ModelsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (fetch != null) {
            return fetch(fetch);
        }
        Path cache = ModelCards.cacheDirectory();
        List<ModelCard> cards = ModelCards.all();
        int width = cards.stream().mapToInt(c -> c.name().length()).max().orElse(10);
        for (ModelCard c : cards) {
            String line = String.format(
                    "%-" + width + "s  %-15s  %s",
                    c.name(),
                    c.family().name().toLowerCase(java.util.Locale.ROOT),
                    where(c, cache));
            ctx.out().println(line + (c.name().equals(ModelCards.bundledName()) ? "  (default)" : ""));
            ctx.out().println(" ".repeat(width + 2) + c.description());
            if (verbose) {
                ctx.out()
                        .println(" ".repeat(width + 2) + "licence: " + c.license() + "; pipeline: " + c.pipeline()
                                + "; input: " + c.sizing().text() + "; version " + c.version());
                ctx.out().println(" ".repeat(width + 2) + "source: " + origin(c, cache));
            }
        }
        ctx.out().flush();
        return ExitCodes.OK;
    }

    /** A few words on whether the model file is at hand. */
    static String where(ModelCard c, Path cache) {
        ModelSource s = c.source();
        if (s instanceof ModelSource.Resource r) {
            return ModelsCommand.class.getClassLoader().getResource(r.name()) != null ? "bundled" : "missing";
        }
        if (s instanceof ModelSource.File f) {
            return Files.isRegularFile(f.path()) ? "file" : "missing file";
        }
        if (s instanceof ModelSource.Url u) {
            if (Files.isRegularFile(new ModelCache(cache).fileFor(u.fileName(), u.sha256()))) {
                return "downloaded";
            }
            // A file of that name lying flat in the cache is used if its hash matches (see
            // ModelResolver); hashing hundreds of megabytes is too slow for a listing.
            return Files.isRegularFile(cache.resolve(u.fileName()))
                    ? "in the cache folder (checked on first use)"
                    : "downloads on first use";
        }
        return Files.isRegularFile(cache.resolve(s.fileName())) ? "placed by hand" : "get by hand";
    }

    /** Where the file comes from, for --verbose. */
    static String origin(ModelCard c, Path cache) {
        ModelSource s = c.source();
        if (s instanceof ModelSource.Resource r) {
            return "class-path resource " + r.name() + " (io.github.colorize:colorize-model)";
        }
        if (s instanceof ModelSource.File f) {
            return "file " + f.path();
        }
        if (s instanceof ModelSource.Url u) {
            return u.redacted() + " into " + new ModelCache(cache).fileFor(u.fileName(), u.sha256());
        }
        if (s instanceof ModelSource.Manual m) {
            return m.instructions() + " Put " + m.fileName() + " in " + cache;
        }
        return s.toString();
    }

    private int fetch(String name) {
        Optional<ModelCard> card = ModelCards.find(name);
        if (card.isEmpty()) {
            throw new UsageError("no model named '" + name + "'; see 'colorize models'");
        }
        DownloadProgress progress = (done, total) -> {
            if (total > 0) {
                ctx.err().print("\rcolorize: " + name + ": " + (done >> 20) + " of " + (total >> 20) + " MiB");
                ctx.err().flush();
            }
        };
        Optional<Path> file = ModelCards.prefetch(card.get(), progress);
        ctx.err().println();
        ctx.out()
                .println("colorize: " + ConsoleReporter.shown(name) + ": verified"
                        + file.map(f -> " at " + f).orElse(" (bundled)"));
        return ExitCodes.OK;
    }
}
