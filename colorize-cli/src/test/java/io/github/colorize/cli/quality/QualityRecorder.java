package io.github.colorize.cli.quality;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Re-measures the guard's fixtures and rewrites the recorded figures: what {@code
 * tools/quality/record.sh} runs after the bundled model changes (re-training must re-record). Arguments:
 * the fixture folder and the figures file. Not a test; it lives among the tests because it shares their
 * fixtures and {@link QualityMeasurement}.
 */
public final class QualityRecorder {

    private QualityRecorder() {}

    /**
     * Measures and writes.
     *
     * @param args the fixture folder, then the figures file to (over)write
     * @throws Exception if the measurement or the write fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: QualityRecorder FIXTURE_DIR FIGURES_FILE");
            System.exit(2);
        }
        Path fixtures = Path.of(args[0]);
        Path file = Path.of(args[1]);
        long t0 = System.nanoTime();
        QualityFigures f = QualityMeasurement.measure(fixtures);
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<String> header = List.of(
                "Figures of the quality guard (BundledModelQualityIT): the bundled model on the held-out",
                "fixtures in quality/cc0-clothing, measured as `colorize eval` measures (gray input = L*, full",
                "size, no mark, CPU, the card's default render factor). The guard fails if mean PSNR falls",
                "more than " + QualityFigures.PSNR_TOLERANCE_DB + " dB or mean colourfulness more than "
                        + QualityFigures.CF_TOLERANCE + " below these, or if model.sha256 is not the bundled model's.",
                "psnr: mean PSNR in dB (8-bit RGB); cf: mean colourfulness (Hasler-Suesstrunk, absolute",
                "variant); gray.psnr and truth.cf depend on the fixtures only (the gray input's PSNR, the",
                "photos' colourfulness).",
                "Written by tools/quality/record.sh on " + LocalDate.now(ZoneOffset.UTC) + "; do not edit by hand.");
        // Atomically: a half-written figures file would fail every build until someone noticed.
        Path part = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".part");
        try {
            Files.writeString(part, f.toPropertiesText(header), StandardCharsets.UTF_8);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
        System.out.printf(
                Locale.ROOT,
                "%s (sha256 %s), render factor %d, %d photos: PSNR %.4f dB (gray %.4f dB), CF %.4f (photos %.4f);"
                        + " measured in %.1f s%nwrote %s%n",
                f.model(),
                f.modelSha256(),
                f.renderFactor(),
                f.photos(),
                f.psnr(),
                f.grayPsnr(),
                f.cf(),
                f.truthCf(),
                seconds,
                file);
    }
}
