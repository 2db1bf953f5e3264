package io.github.colorize.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.colorize.BackendConfig;
import io.github.colorize.BackendUnavailableException;
import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.Colorizer;
import io.github.colorize.ColorizerRegistry;
import io.github.colorize.ImageWriteOptions;
import io.github.colorize.Images;
import io.github.colorize.internal.image.PixelBuffers;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backend as users get it: named through the registry, wrapped with the palette mark, from files. */
class ThroughColorizersTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final FakeRuntime fake = new FakeRuntime();
    private final EmulatedDeepAi service = new EmulatedDeepAi(MockDeepAi.KEY);
    private ColorizerRegistry registry;
    private BackendConfig config;

    @BeforeEach
    void setUp() {
        server.setDispatcher(service);
        registry = ColorizerRegistry.of(List.of(fake.provider()));
        config = MockDeepAi.config(server).apiKey(MockDeepAi.KEY).build();
    }

    @Test
    void aPhotoFileIsColorisedMarkedAndRecorded(@TempDir Path dir) throws Exception {
        Path photo = dir.resolve("grandma-1931.png");
        Images.write(TestImages.grayScan(160, 120, 9), photo, ImageWriteOptions.forPath(photo));
        byte[] original = Files.readAllBytes(photo);
        ColorizedImage marked;
        ColorizedImage unmarked;
        try (Colorizer c = registry.create("deepai", config)) {
            marked = c.colorize(photo, ColorizeOptions.defaults());
            unmarked =
                    c.colorize(photo, ColorizeOptions.builder().watermark(false).build());
        }
        assertThat(Files.readAllBytes(photo)).as("the original is untouched").isEqualTo(original);
        assertThat(service.jobs()).isEqualTo(2);
        assertThat(marked.provenance().sourceName()).isEqualTo("grandma-1931.png");
        assertThat(marked.provenance().sourceSha256()).hasSize(64);
        assertThat(marked.provenance().backend()).isEqualTo("deepai");
        // The wrapper from Colorizers draws the mark; the backend itself does not.
        assertThat(PixelBuffers.rgb(marked.image())).isNotEqualTo(PixelBuffers.rgb(unmarked.image()));

        Path out = dir.resolve("grandma-1931-colour.png");
        marked.save(out);
        BufferedImage back = Images.read(out);
        assertThat(back.getWidth()).isEqualTo(160);
        assertThat(back.getHeight()).isEqualTo(120);
    }

    @Test
    void aWrongKeyIsRefusedByTheServiceAsABadKey() {
        BackendConfig wrong = MockDeepAi.config(server).apiKey("not-the-key").build();
        try (Colorizer c = registry.create("deepai", wrong)) {
            assertThatThrownBy(() -> c.colorize(TestImages.grayScan(8, 8, 1), ColorizeOptions.defaults()))
                    .isInstanceOfSatisfying(RemoteServiceException.class, e -> {
                        assertThat(e.kind()).isEqualTo(RemoteServiceException.Kind.BAD_KEY);
                        assertThat(e.stopsBatch()).isTrue();
                    });
        }
    }

    @Test
    void withoutAKeyTheNamedBackendIsUnavailable() {
        BackendConfig noKey = MockDeepAi.config(server).build();
        assertThatThrownBy(() -> registry.create("deepai", noKey))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("no API key");
        assertThat(service.jobs()).isZero();
    }
}
