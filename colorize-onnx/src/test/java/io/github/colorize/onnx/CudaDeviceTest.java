package io.github.colorize.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import io.github.colorize.BackendConfig;
import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.Colorizer;
import io.github.colorize.onnx.internal.OnnxGraphs;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a machine with a GPU and the GPU build of ONNX Runtime ({@code ./mvnw -Pgpu -pl colorize-onnx -am
 * verify}): {@code device=cuda} runs on CUDA device 0, records it, and gives the CPU's pixels within one
 * level. Excluded from ordinary runs by its tag; skips itself where CUDA is not compiled in.
 */
@Tag("gpu")
class CudaDeviceTest {

    @TempDir
    Path dir;

    @Test
    void cudaRunsMatchTheCpuAndSayWhereTheyRan() {
        assumeTrue(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA), "CPU build of ONNX Runtime");
        Path model = OnnxGraphs.ddcolor().write(dir.resolve("ddcolor-tiny.onnx"));
        BufferedImage photo = new BufferedImage(320, 240, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 320; x++) {
                photo.getRaster().setSample(x, y, 0, (x + y) % 256);
            }
        }
        ColorizeOptions options =
                ColorizeOptions.builder().renderFactor(16).watermark(false).build();
        ColorizedImage cpu;
        ColorizedImage gpu;
        try (Colorizer c = new OnnxColorizerProvider()
                .create(BackendConfig.builder()
                        .model(model.toString())
                        .device("cpu")
                        .build())) {
            cpu = c.colorize(photo, options);
        }
        try (Colorizer c = new OnnxColorizerProvider()
                .create(BackendConfig.builder()
                        .model(model.toString())
                        .device("cuda")
                        .build())) {
            gpu = c.colorize(photo, options);
        }
        assertThat(gpu.provenance().device()).isEqualTo("cuda:0");
        int[] a = cpu.image().getRGB(0, 0, 320, 240, null, 0, 320);
        int[] b = gpu.image().getRGB(0, 0, 320, 240, null, 0, 320);
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                assertThat(Math.abs(((a[i] >> shift) & 0xFF) - ((b[i] >> shift) & 0xFF)))
                        .isLessThanOrEqualTo(1);
            }
        }
    }
}
