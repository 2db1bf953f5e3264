package io.github.colorize.djl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.BackendConfig;
import io.github.colorize.BackendInfo;
import io.github.colorize.ColorizeOptions;
import io.github.colorize.Colorizer;
import io.github.colorize.Colorizers;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Proves that {@code Colorizers} finds the {@code djl} provider through {@link java.util.ServiceLoader},
 * in both Surefire executions: the default one on the module path (found through {@code provides} in
 * module-info) and the {@code classpath} one (found through {@code META-INF/services}).
 */
@Tag("discovery")
class DjlDiscoveryTest {

    @Test
    void runsWhereTheExecutionSays() {
        boolean classPathRun = Boolean.getBoolean("colorize.test.classpath");
        assertThat(DjlColorizerProvider.class.getModule().isNamed())
                .as("module path run")
                .isEqualTo(!classPathRun);
    }

    @Test
    void describeListsTheDjlBackend() {
        Colorizers.reload();
        List<BackendInfo> found = Colorizers.describe();
        assertThat(found).anySatisfy(info -> {
            assertThat(info.name()).isEqualTo("djl");
            assertThat(info.providerClass()).isEqualTo(DjlColorizerProvider.class.getName());
            assertThat(info.priority()).isEqualTo(200);
            assertThat(info.implicitSelectionAllowed()).isTrue();
            assertThat(info.available()).as(info.reason()).isTrue();
        });
    }

    @Test
    void createsByNameThroughDiscovery() {
        Colorizers.reload();
        try (Colorizer c =
                Colorizers.create("djl", BackendConfig.builder().device("cpu").build())) {
            assertThat(c.backend()).isEqualTo("djl");
            BufferedImage out = c.colorize(
                            new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY),
                            ColorizeOptions.builder().renderFactor(8).build())
                    .image();
            assertThat(out.getWidth()).isEqualTo(40);
        }
    }
}
