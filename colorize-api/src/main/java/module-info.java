/**
 * colorize: the API, backend discovery, the image and colour toolkit, provenance.
 *
 * <p>Exported: {@code io.github.colorize} and {@code io.github.colorize.spi}. Packages under {@code
 * internal} are implementation details; a few are opened to this project's own backend modules only.
 */
module io.github.colorize {
    requires transitive java.desktop;
    requires org.slf4j;
    requires static org.jspecify;

    exports io.github.colorize;
    exports io.github.colorize.spi;
    exports io.github.colorize.internal.color to
            io.github.colorize.onnx,
            io.github.colorize.djl,
            io.github.colorize.cli,
            io.github.colorize.video,
            io.github.colorize.benchmarks,
            io.github.colorize.remote;
    exports io.github.colorize.internal.image to
            io.github.colorize.onnx,
            io.github.colorize.djl,
            io.github.colorize.cli,
            io.github.colorize.video,
            io.github.colorize.benchmarks,
            io.github.colorize.remote;
    exports io.github.colorize.internal.model to
            io.github.colorize.onnx,
            io.github.colorize.djl,
            io.github.colorize.cli;
    exports io.github.colorize.internal.render to
            io.github.colorize.onnx,
            io.github.colorize.djl;

    uses io.github.colorize.spi.ColorizerProvider;
}
