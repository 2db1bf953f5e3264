/**
 * The {@code djl} backend: runs colourisation models through Deep Java Library 0.35.1, ONNX graphs on
 * its OnnxRuntime engine and TorchScript files on its PyTorch engine, with the bundled model by default.
 *
 * <p>DJL's jars are automatic modules ({@code ai.djl.api}, {@code ai.djl.onnxruntime_engine}, {@code
 * ai.djl.pytorch_engine}); the engines are required so that they are resolved on the module path, where
 * DJL finds them through {@link java.util.ServiceLoader}. The PyTorch native jars stay on the class
 * path (their automatic module names are not valid module names).
 */
module io.github.colorize.djl {
    requires io.github.colorize;
    requires io.github.colorize.model;
    requires ai.djl.api;
    requires ai.djl.onnxruntime_engine;
    requires ai.djl.pytorch_engine;
    requires com.microsoft.onnxruntime;
    requires com.sun.jna;
    requires org.slf4j;

    provides io.github.colorize.spi.ColorizerProvider with
            io.github.colorize.djl.DjlColorizerProvider;
}
