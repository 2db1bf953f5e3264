/**
 * Benchmarks, not a library (see the module's README): JMH benchmarks of colorize's colour and
 * resampling toolkit, read through the qualified exports of {@code io.github.colorize.internal.color}
 * and {@code io.github.colorize.internal.image}, and the whole-run benchmark of the onnx backend
 * ({@code wholerun}), which uses the public API only and finds the backend by service discovery.
 */
module io.github.colorize.benchmarks {
    requires io.github.colorize;
    requires jmh.core;
    requires java.management;
    requires jdk.management;

    // JMH instantiates the generated benchmark classes reflectively.
    opens io.github.colorize.benchmarks;
    opens io.github.colorize.benchmarks.jmh_generated;
}
