package io.github.colorize.cli.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OutputNamingTest {

    private static SourceFile src(String root, String rel) {
        return new SourceFile(Path.of(root).resolve(rel), rel);
    }

    @Test
    void replacesTheLastExtensionOnly() {
        assertThat(OutputNaming.replaceExtension("a/b.c/photo.jpeg", "png")).isEqualTo("a/b.c/photo.png");
        assertThat(OutputNaming.replaceExtension("x.tar.gz", "jpg")).isEqualTo("x.tar.jpg");
        assertThat(OutputNaming.replaceExtension("dir.d/noext", "png")).isEqualTo("dir.d/noext.png");
    }

    @Test
    void mirrorsTheTreeWithTheNewExtension() {
        SourceFile a = src("/in", "1920s/family.jpg");
        OutputNaming.Assignment as = OutputNaming.assign(List.of(a), "png");
        assertThat(as.outputs()).containsEntry(a, "1920s/family.png");
        assertThat(as.conflicts()).isEmpty();
    }

    @Test
    void sameStemDifferentExtensionsKeepTheirFullNames() {
        SourceFile jpg = src("/in", "family.jpg");
        SourceFile tif = src("/in", "Family.TIF");
        SourceFile other = src("/in", "other.png");
        OutputNaming.Assignment as = OutputNaming.assign(List.of(jpg, tif, other), "png");
        assertThat(as.outputs())
                .containsEntry(jpg, "family.jpg.png")
                .containsEntry(tif, "Family.TIF.png")
                .containsEntry(other, "other.png");
    }

    @Test
    void theSamePathUnderTwoInputFoldersIsAConflictForTheSecond() {
        SourceFile first = src("/a", "img001.jpg");
        SourceFile second = src("/b", "img001.jpg");
        OutputNaming.Assignment as = OutputNaming.assign(List.of(first, second), "png");
        assertThat(as.outputs()).containsOnlyKeys(first);
        assertThat(as.conflicts().get(second))
                .contains("same output img001.jpg.png")
                .contains("/a/img001.jpg");
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 100).boxed();
    }

    /**
     * Property: outputs never collide (even ignoring case), every source is either named or a
     * conflict, and names end with the format's extension.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void outputsAreUniqueForRandomSourceSets(long seed) {
        Random rnd = new Random(seed);
        String[] stems = {"a", "A", "b", "photo", "Photo"};
        String[] exts = {"jpg", "JPG", "png", "tif", "jpeg"};
        String[] dirs = {"", "x/", "X/", "x/y/"};
        List<SourceFile> sources = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int n = 1 + rnd.nextInt(20);
        for (int i = 0; i < n; i++) {
            String root = rnd.nextBoolean() ? "/r1" : "/r2";
            String rel = dirs[rnd.nextInt(dirs.length)] + stems[rnd.nextInt(stems.length)] + "."
                    + exts[rnd.nextInt(exts.length)];
            if (seen.add(root + "|" + rel)) {
                sources.add(src(root, rel));
            }
        }
        String ext = rnd.nextBoolean() ? "png" : "jpg";
        OutputNaming.Assignment as = OutputNaming.assign(sources, ext);
        assertThat(as.outputs().size() + as.conflicts().size()).isEqualTo(sources.size());
        Set<String> lower = new HashSet<>();
        as.outputs().values().forEach(name -> {
            assertThat(lower.add(name.toLowerCase(Locale.ROOT)))
                    .as("unique: " + name)
                    .isTrue();
            assertThat(name).endsWith("." + ext);
        });
        // Determinism: the same set gives the same names.
        assertThat(OutputNaming.assign(sources, ext)).isEqualTo(as);
    }
}
