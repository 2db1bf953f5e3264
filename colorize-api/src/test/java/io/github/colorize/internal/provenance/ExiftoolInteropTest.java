package io.github.colorize.internal.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.ColorizedImage;
import io.github.colorize.Provenance;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves that a third-party reader, exiftool, sees the record we write, and that our reader still
 * reads it after exiftool has rewritten the XMP. Skips when exiftool is not installed (CI installs
 * {@code libimage-exiftool-perl}).
 */
class ExiftoolInteropTest {

    private static Path exiftool;

    @TempDir
    Path dir;

    @BeforeAll
    static void findExiftool() {
        exiftool = findOnPath("exiftool");
        Assumptions.assumeTrue(exiftool != null, "exiftool is not installed (apt-get install libimage-exiftool-perl)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg"})
    void exiftoolSeesEveryField(String extension) throws Exception {
        Provenance p = SampleRecords.typical();
        Path file = dir.resolve("colourised." + extension);
        new ColorizedImage(EncodedSamples.image(64, 48, 7), p).save(file);
        keepForReview(file);

        Map<String, String> tags = exiftoolTags(file);
        assertThat(tags)
                .containsEntry("XMP-iptcExt:DigitalSourceType", Provenance.DIGITAL_SOURCE_TYPE)
                .containsEntry("XMP-xmp:CreatorTool", "colorize 0.1.0-SNAPSHOT")
                .containsEntry("XMP-dc:Description", XmpSchema.CAVEAT)
                .containsEntry("XMP-colorize:Backend", "onnx")
                .containsEntry("XMP-colorize:Model", "deoldify-artistic")
                .containsEntry("XMP-colorize:ModelSha256", p.modelSha256())
                .containsEntry("XMP-colorize:RenderFactor", "35")
                .containsEntry("XMP-colorize:ChromaStrength", "1.0")
                .containsEntry("XMP-colorize:Device", "cpu")
                .containsEntry("XMP-colorize:SourceName", "grandma 1932.jpg")
                .containsEntry("XMP-colorize:SourceSha256", p.sourceSha256());
        assertThat(tags.get("XMP-xmp:CreateDate")).startsWith("2026:11:22 10:15:30");
        assertThat(tags).doesNotContainKey("ExifTool:Warning").doesNotContainKey("ExifTool:Error");

        assertValidates(file);
    }

    /** Large enough to be encoded in stripes (restart intervals in JPEG, parallel deflate in PNG). */
    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg"})
    void stripedOutputsValidate(String extension) throws Exception {
        Provenance p = SampleRecords.typical();
        Path file = dir.resolve("large." + extension);
        new ColorizedImage(EncodedSamples.image(1200, 900, 9), p).save(file);

        assertThat(exiftoolTags(file)).containsEntry("XMP-colorize:SourceSha256", p.sourceSha256());
        assertValidates(file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg"})
    void recordSurvivesExiftoolRewritingTheXmp(String extension) throws Exception {
        Provenance p = SampleRecords.typical();
        Path file = dir.resolve("edited." + extension);
        new ColorizedImage(EncodedSamples.image(64, 48, 8), p).save(file);

        run(exiftool.toString(), "-q", "-overwrite_original", "-XMP-dc:Title=Grandma, 1932", file.toString());

        assertThat(exiftoolTags(file)).containsEntry("XMP-dc:Title", "Grandma, 1932");
        assertThat(ProvenanceFiles.read(file)).contains(p);
    }

    /** exiftool's structural validation of the container and the XMP finds nothing wrong. */
    private static void assertValidates(Path file) throws Exception {
        assertThat(run(exiftool.toString(), "-validate", "-warning", "-a", "-s", file.toString()))
                .anySatisfy(line -> assertThat(line).matches("Validate\\s+: OK"));
    }

    private static Map<String, String> exiftoolTags(Path file) throws Exception {
        // -G1: family-1 group (XMP-dc, XMP-colorize...); -s: tag names; -n: raw values; -a: duplicates
        List<String> lines = run(exiftool.toString(), "-a", "-G1", "-s", "-n", "-charset", "UTF8", file.toString());
        Map<String, String> tags = new LinkedHashMap<>();
        for (String line : lines) {
            // "[XMP-colorize]  Backend                         : onnx"
            int close = line.indexOf(']');
            int colon = line.indexOf(" : ");
            if (line.startsWith("[") && close > 0 && colon > close) {
                String group = line.substring(1, close).trim();
                String tag = line.substring(close + 1, colon).trim();
                tags.putIfAbsent(group + ":" + tag, line.substring(colon + 3));
            }
        }
        return tags;
    }

    private static List<String> run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("exiftool did not finish");
        }
        assertThat(process.exitValue())
                .as("exiftool exit status; output:%n%s", out)
                .isZero();
        out.lines().forEach(lines::add);
        return lines;
    }

    private static Path findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String d : path.split(File.pathSeparator)) {
            Path candidate = Path.of(d, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Leaves a copy under target/ so that a person can inspect the files with other tools. */
    private static void keepForReview(Path file) throws IOException {
        Path keep = Path.of("target", "provenance-samples");
        Files.createDirectories(keep);
        Files.copy(file, keep.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
}
