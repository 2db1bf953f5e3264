/**
 * JMH benchmarks of colorize's colour and resampling toolkit. Not a library: run {@code
 * benchmarks.jar} (see the module's README). Reads the toolkit through the qualified exports of
 * {@code io.github.colorize.internal.color} and {@code io.github.colorize.internal.image}.
 */
module io.github.colorize.benchmarks {
    requires io.github.colorize;
    requires jmh.core;
    requires jdk.management;

    // JMH instantiates the generated benchmark classes reflectively.
    opens io.github.colorize.benchmarks;
    opens io.github.colorize.benchmarks.jmh_generated;
}
