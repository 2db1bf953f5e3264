package io.github.colorize.cli.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guard's decision, on made-up figures: what passes, what fails and what the message says. */
class QualityFiguresTest {

    private static final String SHA = "ab".repeat(32);
    private static final QualityFigures RECORDED = new QualityFigures("m", SHA, 24, 12, 25.0, 20.0, 24.0, 30.0);

    private static QualityFigures measured(double psnr, double cf) {
        return new QualityFigures("m", SHA, 24, 12, psnr, cf, 24.0, 30.0);
    }

    @Test
    void smallDifferencesAndImprovementsPass() {
        assertThat(RECORDED.problemsOf(RECORDED)).isEmpty();
        assertThat(RECORDED.problemsOf(measured(24.75, 18.5))).isEmpty();
        assertThat(RECORDED.problemsOf(measured(26.5, 25.0))).isEmpty();
    }

    @Test
    void aPsnrDropBeyondTheToleranceFails() {
        assertThat(RECORDED.problemsOf(measured(24.65, 20.0)))
                .singleElement()
                .asString()
                .contains("mean PSNR fell to 24.650 dB", "recorded 25.000 dB");
    }

    @Test
    void aColorfulnessDropBeyondTheToleranceFails() {
        assertThat(RECORDED.problemsOf(measured(25.0, 17.9)))
                .singleElement()
                .asString()
                .contains("mean colourfulness fell to 17.900", "recorded 20.000");
        assertThat(RECORDED.problemsOf(measured(20.0, 10.0))).hasSize(2);
    }

    @Test
    void anotherModelFailsWithTheReRecordHintEvenIfItIsBetter() {
        QualityFigures other = new QualityFigures("m", "cd".repeat(32), 24, 12, 30.0, 30.0, 24.0, 30.0);
        assertThat(RECORDED.problemsOf(other))
                .singleElement()
                .asString()
                .contains("is not the one the figures were recorded with", "re-record with tools/quality/record.sh");
    }

    @Test
    void changedFixturesOrRenderFactorFailWithTheReRecordHint() {
        QualityFigures fewer = new QualityFigures("m", SHA, 24, 11, 25.0, 20.0, 24.0, 30.0);
        QualityFigures otherFactor = new QualityFigures("m", SHA, 20, 12, 25.0, 20.0, 24.0, 30.0);
        QualityFigures otherPhotos = new QualityFigures("m", SHA, 24, 12, 25.0, 20.0, 24.5, 30.0);
        for (QualityFigures f : List.of(fewer, otherFactor, otherPhotos)) {
            assertThat(RECORDED.problemsOf(f)).singleElement().asString().contains("tools/quality/record.sh");
        }
    }

    @Test
    void theWrittenFileReadsBack() throws Exception {
        QualityFigures f = new QualityFigures("colorize-compact-v2", SHA, 24, 12, 25.12345, 20.5, 24.25, 31.75);
        String text = f.toPropertiesText(List.of("header line", ""));
        assertThat(text).startsWith("# header line\n#\nmodel=colorize-compact-v2\n");
        QualityFigures back = QualityFigures.read(new StringReader(text), "test");
        assertThat(back.modelSha256()).isEqualTo(SHA);
        assertThat(back.psnr()).isEqualTo(25.1235);
        assertThat(back.problemsOf(f)).isEmpty();
    }

    @Test
    void aFileWithoutAFigureIsRejectedByName() {
        assertThatThrownBy(() ->
                        QualityFigures.read(new StringReader("model=m\nmodel.sha256=" + SHA + "\n"), "f.properties"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("f.properties: 'renderFactor' is missing");
    }
}
