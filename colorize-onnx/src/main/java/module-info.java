/**
 * The {@code onnx} backend: runs colourisation graphs locally with ONNX Runtime, on the CPU or a CUDA
 * device, with the bundled model by default.
 */
module io.github.colorize.onnx {
    requires static org.jspecify;
    requires io.github.colorize;
    requires io.github.colorize.model;
    requires com.microsoft.onnxruntime;
    requires org.slf4j;

    provides io.github.colorize.spi.ColorizerProvider with
            io.github.colorize.onnx.OnnxColorizerProvider;
}
