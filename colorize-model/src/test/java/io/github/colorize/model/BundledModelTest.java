package io.github.colorize.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BundledModelTest {

    @Test
    void opensFilesOfItsOwnPackage() throws Exception {
        assertThat(BundledModel.isPresent("bundled-model-fixture.txt")).isTrue();
        assertThat(BundledModel.url("bundled-model-fixture.txt")).isPresent();
        try (InputStream in = BundledModel.open("bundled-model-fixture.txt")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("a file the tests find");
        }
    }

    @Test
    void missingFilesAreReportedByName() {
        assertThat(BundledModel.isPresent("nope.onnx")).isFalse();
        assertThatThrownBy(() -> BundledModel.open("nope.onnx"))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("nope.onnx");
    }

    @Test
    void pathsAreRejected() {
        assertThatThrownBy(() -> BundledModel.url("../colorize/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BundledModel.url("")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Once the trained model lands, its card must name its files and their true hashes. */
    @Test
    void cardHashesMatchTheBundledFiles() throws Exception {
        assumeTrue(BundledModel.isPresent(BundledModel.PROPERTIES_FILE), "the trained model has not landed yet");
        Properties card = BundledModel.properties();
        assertThat(card.getProperty("name", BundledModel.NAME)).isEqualTo(BundledModel.NAME);
        for (String kind : new String[] {"onnx", "torchscript"}) {
            String file = card.getProperty(kind + ".file");
            String sha = card.getProperty(kind + ".sha256");
            assertThat(file).as(kind + ".file").isNotBlank();
            assertThat(sha).as(kind + ".sha256").matches("[0-9a-f]{64}");
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            try (InputStream in = BundledModel.open(file)) {
                d.update(in.readAllBytes());
            }
            assertThat(HexFormat.of().formatHex(d.digest())).as(file).isEqualTo(sha);
        }
    }
}
