package io.github.colorize.internal.model;

import io.github.colorize.DownloadProgress;
import io.github.colorize.ModelCard;
import io.github.colorize.ModelException;
import io.github.colorize.ModelSource;
import io.github.colorize.internal.io.AtomicFiles;
import io.github.colorize.internal.io.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link ModelCard}'s source into verified model content: reads local files and class-path
 * resources, fetches URLs into the {@link ModelCache} through the {@link ModelDownloader}, and finds
 * hand-placed files in the cache. Every path ends with a SHA-256 check against the card when the card
 * knows the hash. Thread-safe.
 */
public final class ModelResolver {

    private static final Logger LOG = LoggerFactory.getLogger(ModelResolver.class);

    private final ModelCache cache;
    private final ModelDownloader downloader;
    private final List<ClassLoader> loaders;

    /**
     * A resolver.
     *
     * @param cache where downloads and hand-placed files live
     * @param downloader fetches URL sources
     * @param loaders where class-path resources are looked up, in order
     */
    public ModelResolver(ModelCache cache, ModelDownloader downloader, List<ClassLoader> loaders) {
        this.cache = cache;
        this.downloader = downloader;
        this.loaders = List.copyOf(loaders);
    }

    /**
     * The default cache and downloader; resources through this library's loader, then the thread's
     * context loader.
     *
     * @return the resolver
     */
    public static ModelResolver defaults() {
        return new ModelResolver(ModelCache.defaultCache(), ModelDownloader.withDefaults(), defaultLoaders());
    }

    /**
     * This library's class loader and the current thread's context loader (when different).
     *
     * @return the loaders, in lookup order
     */
    public static List<ClassLoader> defaultLoaders() {
        List<ClassLoader> out = new ArrayList<>();
        ClassLoader own = ModelResolver.class.getClassLoader();
        if (own != null) {
            out.add(own);
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != own) {
            out.add(context);
        }
        return out;
    }

    /**
     * The cache this resolver uses.
     *
     * @return the cache
     */
    public ModelCache cache() {
        return cache;
    }

    /**
     * Finds a class-path resource without reading it: a cheap check suitable for availability probes.
     *
     * @param name the absolute resource name
     * @return its URL, if present
     */
    public Optional<URL> findResource(String name) {
        for (ClassLoader l : loaders) {
            URL url = l.getResource(name);
            if (url != null) {
                return Optional.of(url);
            }
        }
        return Optional.empty();
    }

    /**
     * Where a card's file is, or would be, on this machine: the file itself for file sources, the
     * cache entry for URL and manual sources, nothing for resources. No I/O.
     *
     * @param card the card
     * @return the path, if the source is file-based
     */
    public Optional<Path> expectedLocation(ModelCard card) {
        ModelSource s = card.source();
        if (s instanceof ModelSource.File f) {
            return Optional.of(f.path());
        }
        if (s instanceof ModelSource.Resource) {
            return Optional.empty();
        }
        if (s instanceof ModelSource.Url u) {
            return Optional.of(cache.fileFor(u.fileName(), u.sha256()));
        }
        return Optional.of(cache.fileFor(s.fileName()));
    }

    /**
     * Makes the card's model available and verified, downloading it if needed.
     *
     * @param card the card
     * @param progress hears download progress
     * @return the verified model
     * @throws ModelException naming the card, the place and the cause
     */
    public ResolvedModel resolve(ModelCard card, DownloadProgress progress) {
        ModelSource s = card.source();
        if (s instanceof ModelSource.File f) {
            return fromFile(card, f.path(), "file " + f.path());
        }
        if (s instanceof ModelSource.Resource r) {
            return fromResource(card, r.name());
        }
        if (s instanceof ModelSource.Url u) {
            Path target = cache.fileFor(u.fileName(), u.sha256());
            Optional<Path> flat = adoptFlatCopy(card, u, target);
            if (flat.isPresent()) {
                // A right file lies flat in a cache this process cannot write (a read-only, pre-filled
                // cache in a container): use it where it is rather than download.
                return new ResolvedModel(card, flat.get(), null, u.sha256(), "cache " + flat.get());
            }
            downloader.fetch(card.name(), u, target, progress);
            // fetch verified the hash already; hashing again would only repeat the same read.
            return new ResolvedModel(
                    card, target, null, u.sha256(), "cache " + target + " (from " + u.redacted() + ")");
        }
        ModelSource.Manual m = (ModelSource.Manual) s;
        Path target = cache.fileFor(m.fileName());
        if (!Files.isRegularFile(target)) {
            throw new ModelException("model " + card.name() + ": file " + m.fileName() + " is not in the model cache ("
                    + cache.directory() + "). " + m.instructions() + " Put it at " + target
                    + " or pass its path as the model setting.");
        }
        return fromFile(card, target, "cache " + target);
    }

    /**
     * Caches before 2026-11-23 kept URL models directly under the cache folder, and users offline were
     * told to put files there: a file of the right name and content found there is linked (or copied)
     * into its content-keyed place instead of downloaded again. It stays where it is, since a
     * hand-placed card may also name it.
     *
     * @return the flat file, when it is right but could not be linked or copied into place
     */
    private Optional<Path> adoptFlatCopy(ModelCard card, ModelSource.Url u, Path target) {
        Path flat = cache.fileFor(u.fileName());
        if (Files.exists(target) || !Files.isRegularFile(flat)) {
            return Optional.empty();
        }
        try {
            if (!Sha256.of(flat).equals(u.sha256())) {
                return Optional.empty(); // another model of the same name: leave it to whoever placed it
            }
        } catch (UncheckedIOException e) {
            LOG.info("model {}: cannot read {} ({}); downloading instead", card.name(), flat, e.toString());
            return Optional.empty();
        }
        try {
            Files.createDirectories(target.getParent());
            Path part = AtomicFiles.newPartFile(target);
            try {
                Files.delete(part);
                try {
                    Files.createLink(part, flat);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(flat, part);
                }
                AtomicFiles.moveIntoPlace(part, target);
            } finally {
                Files.deleteIfExists(part);
            }
            return Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            LOG.info(
                    "model {}: cannot link {} into {} ({}); using it where it is",
                    card.name(),
                    flat,
                    target,
                    e.toString());
            return Optional.of(flat);
        }
    }

    private ResolvedModel fromFile(ModelCard card, Path file, String origin) {
        if (!Files.isRegularFile(file)) {
            throw new ModelException("model " + card.name() + ": " + origin + " does not exist or is not a file");
        }
        String actual;
        try {
            actual = Sha256.of(file);
        } catch (UncheckedIOException e) {
            throw new ModelException("model " + card.name() + ": cannot read " + origin + ": " + e.getMessage(), e);
        }
        verify(card, actual, origin);
        return new ResolvedModel(card, file, null, actual, origin);
    }

    private ResolvedModel fromResource(ModelCard card, String name) {
        URL url = findResource(name)
                .orElseThrow(() -> new ModelException("model " + card.name() + ": class-path resource " + name
                        + " not found"
                        + (name.startsWith("io/github/colorize/model/")
                                ? "; add io.github.colorize:colorize-model to the runtime class path"
                                : "")));
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ModelException(
                    "model " + card.name() + ": cannot read class-path resource " + name + ": " + e, e);
        }
        String origin = "class-path resource " + name;
        String actual = Sha256.of(bytes);
        verify(card, actual, origin);
        return new ResolvedModel(card, null, bytes, actual, origin);
    }

    private static void verify(ModelCard card, String actual, String origin) {
        card.expectedSha256().ifPresent(expected -> {
            if (!expected.equals(actual)) {
                throw new ModelException("model " + card.name() + ": " + origin + " has SHA-256 " + actual
                        + " but the card expects " + expected + "; the file is corrupt or a different model");
            }
        });
    }
}
