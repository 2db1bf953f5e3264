package io.github.colorize.cli.quality;

import io.github.colorize.BackendConfig;
import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.Colorizer;
import io.github.colorize.Colorizers;
import io.github.colorize.ModelCard;
import io.github.colorize.ModelCards;
import io.github.colorize.cli.internal.batch.BatchUsageException;
import io.github.colorize.cli.internal.eval.EvalRunner;
import io.github.colorize.cli.internal.eval.FolderResult;
import io.github.colorize.cli.internal.eval.ImageMetrics.CfVariant;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measures the bundled model on a folder of colour photos exactly as {@code colorize eval} does (its
 * {@link EvalRunner}: L* gray input, full-size colourisation without the mark, PSNR and absolute
 * colourfulness against the photo), through the real {@code onnx} backend on the CPU at the model
 * card's default render factor. Shared by the guard and by {@link QualityRecorder}, so that what is
 * recorded and what is checked cannot drift apart. Stateless, thread-safe.
 */
final class QualityMeasurement {

    /** The backend measured: the one that ships the bundled model. */
    static final String BACKEND = "onnx";

    private QualityMeasurement() {}

    /**
     * Colourises every photo in a folder and returns the means.
     *
     * @param folder a folder of colour photos, without subfolders
     * @return the figures, with the SHA-256 of the model that ran
     * @throws IllegalStateException if a photo failed, was left out as colourless, or the model's hash
     *     differs between photos
     */
    static QualityFigures measure(Path folder) {
        ModelCard card = ModelCards.find(ModelCards.bundledName())
                .orElseThrow(() -> new IllegalStateException("no card for the bundled model"));
        int factor = card.defaultRenderFactor();
        ColorizeOptions options =
                ColorizeOptions.builder().renderFactor(factor).watermark(false).build();
        // The CPU, whatever the machine has: figures recorded on one machine are checked on another.
        BackendConfig config = BackendConfig.builder().device("cpu").build();
        List<String> errors = new ArrayList<>();
        List<FolderResult> results;
        Set<String> hashes = ConcurrentHashMap.newKeySet();
        Set<Integer> factors = ConcurrentHashMap.newKeySet();
        try (Colorizer colorizer = new ProvenanceWatcher(Colorizers.create(BACKEND, config), hashes, factors)) {
            results = new EvalRunner(colorizer, options, CfVariant.ABSOLUTE, Integer.MAX_VALUE, 0, 1)
                    .run(folder, errors::add);
        } catch (BatchUsageException e) {
            throw new IllegalStateException(folder + ": " + e.getMessage(), e);
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("photos failed: " + errors);
        }
        if (results.size() != 1 || results.get(0).skipped() > 0) {
            throw new IllegalStateException(
                    folder + ": expected one folder of colour photos, got " + results.size() + " folder(s)"
                            + (results.isEmpty() ? "" : ", " + results.get(0).skipped() + " without colour"));
        }
        if (hashes.size() != 1 || factors.size() != 1) {
            throw new IllegalStateException("expected one model and one render factor, saw " + hashes + ", " + factors);
        }
        FolderResult f = results.get(0);
        FolderResult.Row ours = row(f, "ours");
        return new QualityFigures(
                card.name(),
                hashes.iterator().next(),
                factors.iterator().next(),
                f.photos().size(),
                ours.meanPsnr(),
                ours.meanCf(),
                row(f, "gray").meanPsnr(),
                f.truthCf());
    }

    private static FolderResult.Row row(FolderResult f, String method) {
        return f.rows().stream()
                .filter(r -> r.method().equals(method))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Passes every call through and notes which model file (by hash) and render factor each result's
     * provenance names: the figures are then tied to the model that really ran, not to what a card says.
     */
    private static final class ProvenanceWatcher implements Colorizer {
        private final Colorizer delegate;
        private final Set<String> hashes;
        private final Set<Integer> factors;

        ProvenanceWatcher(Colorizer delegate, Set<String> hashes, Set<Integer> factors) {
            this.delegate = delegate;
            this.hashes = hashes;
            this.factors = factors;
        }

        @Override
        public String backend() {
            return delegate.backend();
        }

        @Override
        public String model() {
            return delegate.model();
        }

        @Override
        public ColorizedImage colorize(BufferedImage image, ColorizeOptions options) {
            ColorizedImage result = delegate.colorize(image, options);
            hashes.add(String.valueOf(result.provenance().modelSha256()));
            factors.add(result.provenance().renderFactor());
            return result;
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
