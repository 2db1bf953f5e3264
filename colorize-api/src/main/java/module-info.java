/**
 * colorize: the API, backend discovery, the image and colour toolkit, provenance.
 *
 * <p>Exported: {@code io.github.colorize} and {@code io.github.colorize.spi}. Packages under {@code
 * internal} are implementation details, exported only to this project's own modules (qualified
 * exports), so that backends share one toolkit without widening the public API. Each internal package
 * is exported only to the modules that use it; the command line (colorize-cli) runs on the class path
 * and needs none. The compiler's "module not found" lint is off in the root pom because these target
 * modules are built after this one.
 */
module io.github.colorize {
    requires transitive java.desktop;
    requires java.xml;
    requires org.slf4j;
    requires com.twelvemonkeys.imageio.jpeg;
    requires static org.jspecify;

    exports io.github.colorize;
    exports io.github.colorize.spi;
    exports io.github.colorize.internal.backend to
            io.github.colorize.onnx,
            io.github.colorize.djl;
    exports io.github.colorize.internal.color to
            io.github.colorize.remote,
            io.github.colorize.video,
            io.github.colorize.benchmarks;
    exports io.github.colorize.internal.image to
            io.github.colorize.remote,
            io.github.colorize.video,
            io.github.colorize.benchmarks;
    exports io.github.colorize.internal.io to
            io.github.colorize.djl,
            io.github.colorize.remote,
            io.github.colorize.video;
    exports io.github.colorize.internal.json to
            io.github.colorize.remote;
    exports io.github.colorize.internal.model to
            io.github.colorize.onnx,
            io.github.colorize.djl;
    exports io.github.colorize.internal.pipeline to
            io.github.colorize.onnx,
            io.github.colorize.djl;
    exports io.github.colorize.internal.provenance to
            io.github.colorize.video;
    exports io.github.colorize.internal.text to
            io.github.colorize.remote;

    uses io.github.colorize.spi.ColorizerProvider;
}
