package io.github.colorize.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.BackendConfig;
import io.github.colorize.BackendInfo;
import io.github.colorize.ColorizeOptions;
import io.github.colorize.Colorizer;
import io.github.colorize.Colorizers;
import io.github.colorize.onnx.internal.OnnxGraphs;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that {@code Colorizers} finds the {@code onnx} provider through {@link java.util.ServiceLoader},
 * in both Surefire executions: the default one on the module path (found through {@code provides} in
 * module-info) and the {@code classpath} one (found through {@code META-INF/services}).
 */
@Tag("discovery")
class OnnxDiscoveryTest {

    @TempDir
    Path dir;

    @Test
    void runsWhereTheExecutionSays() {
        boolean classPathRun = Boolean.getBoolean("colorize.test.classpath");
        assertThat(OnnxColorizerProvider.class.getModule().isNamed())
                .as("module path run")
                .isEqualTo(!classPathRun);
    }

    @Test
    void describeListsTheOnnxBackend() {
        Colorizers.reload();
        List<BackendInfo> found = Colorizers.describe();
        assertThat(found).anySatisfy(info -> {
            assertThat(info.name()).isEqualTo("onnx");
            assertThat(info.providerClass()).isEqualTo(OnnxColorizerProvider.class.getName());
            assertThat(info.priority()).isEqualTo(300);
            assertThat(info.implicitSelectionAllowed()).isTrue();
            // Available once the bundled model has landed; until then the reason names colorize-model.
            assertThat(info.available() || info.reason().contains("colorize-model"))
                    .as(info.reason())
                    .isTrue();
        });
    }

    @Test
    void createsByNameThroughDiscovery() {
        Path model = OnnxGraphs.ddcolor().write(dir.resolve("ddcolor-tiny.onnx"));
        Colorizers.reload();
        try (Colorizer c = Colorizers.create(
                "onnx",
                BackendConfig.builder().model(model.toString()).device("cpu").build())) {
            assertThat(c.backend()).isEqualTo("onnx");
            assertThat(c.model()).isEqualTo("ddcolor-tiny");
            BufferedImage out = c.colorize(
                            new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY),
                            ColorizeOptions.builder().renderFactor(8).build())
                    .image();
            assertThat(out.getWidth()).isEqualTo(40);
        }
    }
}
