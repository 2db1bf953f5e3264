package io.github.colorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.colorize.ToneAnalysis.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks the tone thresholds on real photos from {@code ../shared/data} (next to the repository);
 * skipped where that folder is absent. The photos are never copied into the repository.
 */
class ToneAnalysisPhotosTest {

    record Result(String name, ToneAnalysis tone) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%s: %s tone=%.2f colour=%.2f hue=%.0f",
                    name,
                    tone.verdict(),
                    tone.toneChroma(),
                    tone.colorChroma(),
                    tone.toneHue());
        }
    }

    /** Historical scans (gray and toned prints): none may be taken for a colour photo. */
    @Test
    void oldPhotosAreNeverColor() throws IOException {
        List<Result> results = classifyAll(sharedData("old-photos"));

        List<Result> closest = results.stream()
                .sorted(Comparator.comparingDouble(r -> -r.tone().colorChroma()))
                .limit(3)
                .toList();
        System.out.println(
                "old-photos: closest to colour (threshold " + ToneAnalysis.COLOR_MIN_CHROMA + "): " + closest);
        assertThat(results).hasSizeGreaterThan(10);
        assertThat(results)
                .as("old photos classified as colour")
                .filteredOn(r -> r.tone().verdict() == Verdict.COLOR)
                .isEmpty();
        assertThat(results).anyMatch(r -> r.tone().verdict() == Verdict.TONED);
        assertThat(results).anyMatch(r -> r.tone().verdict() == Verdict.GRAY);
    }

    /**
     * Natural colour photos (BSDS300 test split). Some are nearly monochrome scenes (a snake on sand,
     * an aeroplane against a gray sky), so "most", not all: 49 of 68 at the time of writing.
     */
    @Test
    void mostColorPhotosAreColor() throws IOException {
        List<Result> results = classifyAll(sharedData("eval/cbsd68"));

        List<Result> missed = results.stream()
                .filter(r -> r.tone().verdict() != Verdict.COLOR)
                .toList();
        System.out.println("cbsd68: " + (results.size() - missed.size()) + " of " + results.size()
                + " classified as colour; not colour: " + missed);
        assertThat(results).hasSizeGreaterThan(10);
        assertThat(results.size() - missed.size()).isGreaterThanOrEqualTo(results.size() * 2 / 3);
        assertThat(results)
                .as("every colour photo has visible chroma")
                .noneMatch(r -> r.tone().verdict() == Verdict.GRAY);
    }

    private static List<Result> classifyAll(Path dir) throws IOException {
        List<Path> photos;
        try (Stream<Path> files = Files.list(dir)) {
            photos = files.filter(ToneAnalysisPhotosTest::isPhoto).sorted().toList();
        }
        List<Result> results = new ArrayList<>();
        for (Path photo : photos) {
            results.add(new Result(photo.getFileName().toString(), Images.classifyTone(Images.read(photo))));
        }
        return results;
    }

    private static boolean isPhoto(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png");
    }

    /** {@code shared/data/<sub>} in the nearest ancestor folder that has one; skips the test if none. */
    static Path sharedData(String sub) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/data").resolve(sub);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "shared/data/" + sub + " is absent");
        throw new IllegalStateException("unreachable");
    }
}
