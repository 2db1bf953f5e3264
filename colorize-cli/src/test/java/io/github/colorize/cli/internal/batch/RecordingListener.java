package io.github.colorize.cli.internal.batch;

import io.github.colorize.BackendConfig;
import io.github.colorize.Colorizer;
import io.github.colorize.ColorizerRegistry;
import io.github.colorize.cli.testing.SepiaTestProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Keeps every outcome and warning a batch reports, for the batch tests. Thread-safe. */
final class RecordingListener implements BatchListener {

    /** The outcomes, in the order reported. */
    final List<FileOutcome> outcomes = new CopyOnWriteArrayList<>();

    /** The warnings, in the order reported. */
    final List<String> warnings = new CopyOnWriteArrayList<>();

    @Override
    public void finished(FileOutcome outcome) {
        outcomes.add(outcome);
    }

    @Override
    public void warning(String message) {
        warnings.add(message);
    }

    /** The slow-able sepia test backend, one colorizer per call. */
    static Supplier<Colorizer> sepia() {
        return () -> ColorizerRegistry.of(List.of(new SepiaTestProvider()))
                .create(SepiaTestProvider.NAME, BackendConfig.defaults());
    }
}
