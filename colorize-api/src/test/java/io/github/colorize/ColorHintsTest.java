package io.github.colorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColorHintsTest {

    private static final String ISSUE_EXAMPLE =
            "{\"hints\": [{\"x\": 120, \"y\": 340, \"radius\": 2, \"color\": \"#2a4d9b\"},"
                    + " {\"stroke\": [[10, 10], [50, 60], [90, 80]], \"width\": 8, \"color\": \"#b22222\"}]}";

    @TempDir
    Path dir;

    @Test
    void parsesTheIssuesExample() {
        ColorHints h = ColorHints.parse(ISSUE_EXAMPLE);
        assertThat(h.size()).isEqualTo(2);
        ColorHint p = h.hints().get(0);
        assertThat(p.isStroke()).isFalse();
        assertThat(p.x(0)).isEqualTo(120);
        assertThat(p.y(0)).isEqualTo(340);
        assertThat(p.radius()).isEqualTo(2);
        assertThat(p.rgb()).isEqualTo(0x2a4d9b);
        ColorHint s = h.hints().get(1);
        assertThat(s.isStroke()).isTrue();
        assertThat(s.pointCount()).isEqualTo(3);
        assertThat(s.width()).isEqualTo(8);
        assertThat(s.colorHex()).isEqualTo("#b22222");
    }

    @Test
    void sidecarRoundTripsThroughAFile() throws Exception {
        ColorHints built = ColorHints.builder()
                .point(3.5, 4, 0, 0x010203)
                .point(120, 340, 2, 0x2a4d9b)
                .stroke(new double[][] {{10, 10}, {50.25, 60}}, 7.5, 0xffffff)
                .build();
        Path photo = dir.resolve("grandma.jpg");
        Path sidecar = ColorHints.sidecarFor(photo);
        assertThat(sidecar.getFileName()).hasToString("grandma.jpg.hints.json");
        built.write(sidecar);
        ColorHints read = ColorHints.read(sidecar);
        assertThat(read).isEqualTo(built);
        assertThat(read.source()).contains(sidecar);
        assertThat(read.sourceSha256()).hasValueSatisfying(s -> assertThat(s).hasSize(64));
        assertThat(ColorHints.parse(read.toJson())).isEqualTo(built);
    }

    @Test
    void sidecarsAreRecognisedByName() {
        assertThat(ColorHints.isSidecar(Path.of("a/grandma.jpg.hints.json"))).isTrue();
        assertThat(ColorHints.isSidecar(Path.of("a/GRANDMA.JPG.HINTS.JSON"))).isTrue();
        assertThat(ColorHints.isSidecar(Path.of("a/grandma.jpg"))).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"hints\": [{\"x\": 1, \"y\": 2, \"color\": \"#12345\"}]}|$.hints[0].color|#rrggbb",
                "{\"hints\": [{\"x\": 1, \"y\": 2, \"color\": \"blue\"}]}|$.hints[0].color|#rrggbb",
                "{\"hints\": [{\"x\": 1, \"y\": 2, \"color\": 7}]}|$.hints[0].color|expected a string",
                "{\"hints\": [{\"x\": 1, \"color\": \"#000000\"}]}|$.hints[0]|missing member \"y\"",
                "{\"hints\": [{\"x\": \"1\", \"y\": 2, \"color\": \"#000000\"}]}|$.hints[0].x|expected a number",
                "{\"hints\": [{\"x\": 1, \"y\": 2, \"colour\": \"#000000\"}]}|$.hints[0].colour|unknown member",
                "{\"hints\": [{\"x\": 1, \"y\": 2, \"radius\": -1, \"color\": \"#000000\"}]}|$.hints[0]|radius",
                "{\"hints\": [{\"stroke\": [], \"color\": \"#000000\"}]}|$.hints[0].stroke|non-empty",
                "{\"hints\": [{\"stroke\": [[1, 2, 3]], \"color\": \"#000000\"}]}|$.hints[0].stroke[0]|pair",
                "{\"hints\": {}}|$.hints|expected an array",
                "{\"hint\": []}|$|missing member \"hints\"",
                "{\"hints\": [1, 2}|$|invalid JSON",
                "[]|$|expected a JSON object",
            })
    void aMalformedSidecarNamesTheFileAndThePlace(String json, String place, String reason) throws Exception {
        Path sidecar = dir.resolve("photo.png.hints.json");
        Files.writeString(sidecar, json, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ColorHints.read(sidecar)).isInstanceOfSatisfying(MalformedHintsException.class, e -> {
            assertThat(e.file()).contains(sidecar);
            assertThat(e.place()).isEqualTo(place);
            assertThat(e.reason()).contains(reason);
            assertThat(e.getMessage()).startsWith(sidecar + ": " + place + ": ");
        });
    }

    @Test
    void aSidecarThatIsNotUtf8IsMalformed() throws Exception {
        Path sidecar = dir.resolve("p.jpg.hints.json");
        Files.write(sidecar, new byte[] {'{', (byte) 0xff, '}'});
        assertThatThrownBy(() -> ColorHints.read(sidecar))
                .isInstanceOf(MalformedHintsException.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void aHintOutsideThePhotoIsNamedByIndexAndFile() throws Exception {
        Path sidecar = dir.resolve("p.jpg.hints.json");
        Files.writeString(
                sidecar,
                "{\"hints\": [{\"x\": 5, \"y\": 5, \"color\": \"#000000\"},"
                        + " {\"stroke\": [[1, 1], [50, 9]], \"color\": \"#ffffff\"}]}");
        ColorHints hints = ColorHints.read(sidecar);
        hints.checkFits(51, 10);
        assertThatThrownBy(() -> hints.checkFits(40, 10)).isInstanceOfSatisfying(MalformedHintsException.class, e -> {
            assertThat(e.place()).isEqualTo("$.hints[1]");
            assertThat(e.file()).contains(sidecar);
            assertThat(e.reason()).contains("outside the 40×10 photo");
        });
    }

    @Test
    void builderAndFactoriesRejectBadValues() {
        assertThatThrownBy(() -> ColorHint.point(Double.NaN, 0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ColorHint.point(0, 0, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ColorHint.stroke(new double[0][], 2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ColorHint.parseColor("#gg0000")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ColorHint.parseColor("#A0b1C2")).isEqualTo(0xa0b1c2);
        assertThat(ColorHints.builder().build()).isSameAs(ColorHints.none());
    }

    @Test
    void optionsCarryHints() {
        ColorHints h = ColorHints.builder().point(1, 1, 2, 0x123456).build();
        ColorizeOptions o = ColorizeOptions.builder().hints(h).build();
        assertThat(o.hints()).isEqualTo(h);
        assertThat(o.toBuilder().build()).isEqualTo(o);
        assertThat(ColorizeOptions.defaults().hints().isEmpty()).isTrue();
        assertThat(o).isNotEqualTo(ColorizeOptions.defaults());
    }
}
