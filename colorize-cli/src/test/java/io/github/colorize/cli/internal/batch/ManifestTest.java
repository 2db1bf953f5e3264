package io.github.colorize.cli.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

    @TempDir
    Path out;

    @Test
    void recordsSurviveReopeningAndTheLatestRecordWins() throws Exception {
        Path src = out.resolve("a.jpg");
        try (Manifest m = Manifest.open(out)) {
            m.record(new Manifest.Entry("a.png", Manifest.DONE, "h1", "s"), src, Map.of("backend", "x"));
            m.record(new Manifest.Entry("a.png", Manifest.DONE, "h2", "s"), src, Map.of());
            m.record(new Manifest.Entry("b.png", Manifest.COLOUR, "h3", "s"), src, Map.of());
            assertThat(m.latest("a.png"))
                    .get()
                    .extracting(Manifest.Entry::sourceSha256)
                    .isEqualTo("h2");
        }
        try (Manifest m = Manifest.open(out)) {
            assertThat(m.latest("a.png")).contains(new Manifest.Entry("a.png", Manifest.DONE, "h2", "s"));
            assertThat(m.latest("b.png")).contains(new Manifest.Entry("b.png", Manifest.COLOUR, "h3", "s"));
            assertThat(m.latest("c.png")).isEmpty();
            assertThat(m.malformedLines()).isZero();
        }
        assertThat(Files.readAllLines(out.resolve(Manifest.FILE_NAME)))
                .hasSize(3)
                .allSatisfy(line -> assertThat(line).contains("\"source\":\"" + src.toAbsolutePath()));
    }

    @Test
    void tornAndForeignLinesAreCountedAndIgnored() throws Exception {
        Files.writeString(
                out.resolve(Manifest.FILE_NAME),
                "{\"output\":\"a.png\",\"status\":\"done\",\"sourceSha256\":\"h\",\"settings\":\"s\"}\n"
                        + "{\"output\":\"b.png\"}\n{\"output\":\"c.png\",\"sta",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE);
        try (Manifest m = Manifest.open(out)) {
            assertThat(m.malformedLines()).isEqualTo(2);
            assertThat(m.latest("a.png")).isPresent();
            m.record(new Manifest.Entry("d.png", Manifest.DONE, "h", "s"), out.resolve("d.jpg"), Map.of());
        }
        try (Manifest m = Manifest.open(out)) {
            assertThat(m.latest("d.png")).isPresent();
        }
    }

    @Test
    void theClaimIsTheLatestDoneRecordWithItsSourcePath() throws Exception {
        Path a = out.resolve("in/a.jpg");
        Path other = out.resolve("in/../other/a.jpg");
        try (Manifest m = Manifest.open(out)) {
            m.record(new Manifest.Entry("a.png", Manifest.DONE, "h1", "s"), a, Map.of());
            m.record(new Manifest.Entry("a.png", Manifest.COLOUR, "h2", "s"), other, Map.of());
            m.record(new Manifest.Entry("b.png", Manifest.COLOUR, "h3", "s"), a, Map.of());
            assertThat(m.claim("a.png"))
                    .contains(new Manifest.Claim("h1", a.toAbsolutePath().toString()));
            assertThat(m.claim("b.png")).as("a photo in colour writes no file").isEmpty();
        }
        try (Manifest m = Manifest.open(out)) {
            assertThat(m.claim("a.png"))
                    .contains(new Manifest.Claim("h1", a.toAbsolutePath().toString()));
            assertThat(m.claim("b.png")).isEmpty();
        }
        assertThat(Manifest.sourceKey(other))
                .isEqualTo(out.resolve("other/a.jpg").toAbsolutePath().toString());
    }
}
