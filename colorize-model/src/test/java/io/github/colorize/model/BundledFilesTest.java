package io.github.colorize.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The files this artifact carries. It holds no code: colorize-api's {@code internal.model.BundledCard}
 * names the files and reads the card, so this test reads them as plain resources of the package.
 */
class BundledFilesTest {

    private static final String NAME = "colorize-compact-v2";

    /** Once the trained model lands, its card must name its files and their true hashes. */
    @Test
    void cardHashesMatchTheBundledFiles() throws Exception {
        Properties card = new Properties();
        try (InputStream in = BundledFilesTest.class.getResourceAsStream(NAME + ".properties")) {
            assumeTrue(in != null, "the trained model has not landed yet");
            card.load(in);
        }
        assertThat(card.getProperty("name", NAME)).isEqualTo(NAME);
        for (String kind : new String[] {"onnx", "torchscript"}) {
            String file = card.getProperty(kind + ".file");
            String sha = card.getProperty(kind + ".sha256");
            assertThat(file).as(kind + ".file").isNotBlank();
            assertThat(sha).as(kind + ".sha256").matches("[0-9a-f]{64}");
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            try (InputStream in = BundledFilesTest.class.getResourceAsStream(file)) {
                assertThat(in).as(file).isNotNull();
                d.update(in.readAllBytes());
            }
            assertThat(HexFormat.of().formatHex(d.digest())).as(file).isEqualTo(sha);
        }
    }
}
