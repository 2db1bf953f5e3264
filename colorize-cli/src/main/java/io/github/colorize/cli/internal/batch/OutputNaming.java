package io.github.colorize.cli.internal.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides where each photo's result goes: the source's relative path with its extension replaced
 * ({@code 1920s/family.jpg} → {@code 1920s/family.png}).
 *
 * <p>When two sources would share an output (compared without case, for case-insensitive file
 * systems), say {@code family.jpg} and {@code family.tif}, each keeps its full name instead: {@code
 * family.jpg.png} and {@code family.tif.png}. Sources that still collide (the same relative path under
 * two input folders) are not processed: the first in sorted order keeps the name, the others are
 * reported as conflicts. The result depends only on the set of sources, so a rerun finds the same
 * names. Stateless, thread-safe.
 */
public final class OutputNaming {

    private OutputNaming() {}

    /**
     * The assignment.
     *
     * @param outputs each source's output path relative to the output folder ({@code /} separators), in
     *     source order
     * @param conflicts sources left out, each with the one-line reason
     */
    public record Assignment(Map<SourceFile, String> outputs, Map<SourceFile, String> conflicts) {}

    /**
     * Assigns output names.
     *
     * @param sources the photos, in a stable order
     * @param extension the output extension without the dot ({@code png}, {@code jpg})
     * @return the assignment
     */
    public static Assignment assign(List<SourceFile> sources, String extension) {
        Map<String, List<SourceFile>> byShort = group(sources, s -> replaceExtension(s.relative(), extension));
        Map<SourceFile, String> candidate = new LinkedHashMap<>();
        for (SourceFile s : sources) {
            List<SourceFile> same = byShort.get(key(replaceExtension(s.relative(), extension)));
            candidate.put(
                    s, same.size() == 1 ? replaceExtension(s.relative(), extension) : s.relative() + "." + extension);
        }
        Map<String, List<SourceFile>> byFinal = group(sources, candidate::get);
        Map<SourceFile, String> outputs = new LinkedHashMap<>();
        Map<SourceFile, String> conflicts = new LinkedHashMap<>();
        for (SourceFile s : sources) {
            String name = candidate.get(s);
            SourceFile owner = byFinal.get(key(name)).get(0);
            if (owner == s) {
                outputs.put(s, name);
            } else {
                conflicts.put(s, "has the same output " + name + " as " + owner.path() + "; rename one of them");
            }
        }
        return new Assignment(outputs, conflicts);
    }

    /**
     * The relative path with its last extension replaced.
     *
     * @param relative a relative path with {@code /} separators
     * @param extension the new extension, without the dot
     * @return the new path
     */
    static String replaceExtension(String relative, String extension) {
        int slash = relative.lastIndexOf('/');
        int dot = relative.lastIndexOf('.');
        String stem = dot > slash + 1 ? relative.substring(0, dot) : relative;
        return stem + "." + extension;
    }

    private static Map<String, List<SourceFile>> group(
            List<SourceFile> sources, java.util.function.Function<SourceFile, String> name) {
        Map<String, List<SourceFile>> map = new LinkedHashMap<>();
        for (SourceFile s : sources) {
            map.computeIfAbsent(key(name.apply(s)), k -> new ArrayList<>()).add(s);
        }
        return map;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
