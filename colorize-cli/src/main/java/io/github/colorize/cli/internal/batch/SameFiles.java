package io.github.colorize.cli.internal.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps one photo from being colourised twice when a scan reaches it by two paths: a symbolic link to a
 * folder that is scanned anyway ({@code b -> a}), the same folder named twice ({@code in} and {@code
 * ./in/../in}), a hard link. Photos are the same when their file key (device and inode) is, or, where
 * the file system has none, their real path.
 *
 * <p>Of the paths to one photo, the one reached without a symbolic link below its input folder wins,
 * else the first found, so that {@code a/x.jpg} is kept over {@code b/x.jpg} whatever order the folder
 * lists them in. Each alias left out is reported once: the symbolic link that leads into it, or the
 * input named twice. Not thread-safe; one per scan.
 */
final class SameFiles {

    private record Found(SourceFile source, Path root, boolean throughLink) {}

    private final Map<Object, List<Found>> byKey = new LinkedHashMap<>();

    /**
     * Adds a photo found by the scan.
     *
     * @param source the photo
     * @param root the input it was found under (the photo itself when named on the command line)
     * @param attrs its attributes, symbolic links followed
     */
    void add(SourceFile source, Path root, BasicFileAttributes attrs) {
        Path real = PathChecks.canonical(source.path());
        boolean throughLink = !real.equals(PathChecks.canonical(root)
                .resolve(root.relativize(source.path()))
                .normalize());
        Object key = attrs.fileKey() != null ? attrs.fileKey() : real;
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Found(source, root, throughLink));
    }

    /**
     * The photos, one path each, in the order first found.
     *
     * @param warnings receives one line per alias left out
     * @return the sources
     */
    List<SourceFile> distinct(List<String> warnings) {
        List<SourceFile> kept = new ArrayList<>();
        Set<String> aliases = new LinkedHashSet<>();
        for (List<Found> same : byKey.values()) {
            Found keep = same.stream().filter(f -> !f.throughLink()).findFirst().orElse(same.get(0));
            kept.add(keep.source());
            for (Found f : same) {
                if (f != keep) {
                    aliases.add(alias(f, keep));
                }
            }
        }
        warnings.addAll(aliases);
        return kept;
    }

    /** The warning for a path left out, naming the symbolic link that leads there, or the input. */
    private static String alias(Found f, Found kept) {
        Path p = f.root();
        for (Path part : f.root().relativize(f.source().path())) {
            p = p.resolve(part);
            if (Files.isSymbolicLink(p)) {
                return p + ": symbolic link to " + target(p) + ", whose photos this batch has already found"
                        + " by another path; each is colourised once";
            }
        }
        if (f.root().equals(kept.root())) {
            return f.source().path() + ": the same file as " + kept.source().path() + " (a hard link); colourised once";
        }
        return f.root() + ": names photos this batch has already found by another path (the same folder or file"
                + " named twice); each is colourised once";
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return PathChecks.canonical(link).toString();
        }
    }
}
