package io.github.colorize.cli.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * CI's guard on the shipped model: colourises the committed held-out fixtures ({@code
 * quality/cc0-clothing}, CC0 photos the model never trained on) with the real {@code onnx} backend and
 * the bundled model, and fails if mean PSNR or mean colourfulness dropped below the recorded figures
 * ({@code quality/recorded.properties}) by more than {@link QualityFigures#PSNR_TOLERANCE_DB} or {@link
 * QualityFigures#CF_TOLERANCE}, or if the bundled model is not the one the figures were recorded with.
 * Runs under Failsafe, so {@code mvn verify} runs it; it needs no network and no GPU.
 */
class BundledModelQualityIT {

    private static final String FIXTURES = "/quality/cc0-clothing";
    private static final String RECORDED = "/quality/recorded.properties";

    @Test
    void theBundledModelStillReachesTheRecordedQuality() throws Exception {
        QualityFigures recorded = recorded();
        QualityFigures measured = QualityMeasurement.measure(fixtures());
        // Printed on every run, so a CI log shows how close to the line the model is.
        System.out.printf(
                Locale.ROOT,
                "quality guard: PSNR %.4f dB (recorded %.4f), CF %.4f (recorded %.4f), %d photos, model sha256 %s%n",
                measured.psnr(),
                recorded.psnr(),
                measured.cf(),
                recorded.cf(),
                measured.photos(),
                measured.modelSha256());
        List<String> problems = recorded.problemsOf(measured);
        assertThat(problems)
                .as("quality guard (figures in colorize-cli/src/test/resources%s)", RECORDED)
                .isEmpty();
    }

    private static Path fixtures() throws Exception {
        URL url = BundledModelQualityIT.class.getResource(FIXTURES);
        assertThat(url).as("fixtures %s on the test class path", FIXTURES).isNotNull();
        return Path.of(url.toURI());
    }

    private static QualityFigures recorded() throws Exception {
        InputStream in = BundledModelQualityIT.class.getResourceAsStream(RECORDED);
        assertThat(in)
                .as("%s is missing: %s", RECORDED, QualityFigures.RERECORD)
                .isNotNull();
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return QualityFigures.read(r, RECORDED);
        }
    }
}
