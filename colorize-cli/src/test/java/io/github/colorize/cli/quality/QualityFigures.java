package io.github.colorize.cli.quality;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * What the quality guard measures on its fixtures, and what it recorded last time: the colorizer's mean
 * PSNR and mean colourfulness, plus two numbers that depend on the fixtures alone (the gray input's PSNR
 * and the photos' colourfulness) so that a changed fixture set is caught as well as a changed model.
 * Immutable, thread-safe.
 *
 * @param model the model card's name
 * @param modelSha256 SHA-256 of the model file that produced the numbers (from the results' provenance)
 * @param renderFactor the render factor used (the card's default)
 * @param photos how many fixtures were measured
 * @param psnr the colorizer's mean PSNR in dB (8-bit RGB, against the photos)
 * @param cf the colorizer's mean colourfulness (Hasler–Süsstrunk, absolute variant)
 * @param grayPsnr the gray input's mean PSNR in dB: a fingerprint of the fixtures
 * @param truthCf the photos' mean colourfulness: a fingerprint of the fixtures
 */
record QualityFigures(
        String model,
        String modelSha256,
        int renderFactor,
        int photos,
        double psnr,
        double cf,
        double grayPsnr,
        double truthCf) {

    /**
     * How far mean PSNR may fall below the record, in dB. The guard runs the same graph on the same
     * pixels; what may differ between machines is ONNX Runtime's float arithmetic (kernels chosen by CPU
     * features, thread count changing summation order), which moves a chroma value by far less than one
     * 8-bit step on a few pixels, i.e. thousandths of a dB. 0.3 dB is a real regression: at its default render factor
     * the model gains only 0.7 to 1.8 dB over its gray input on the evaluation sets, and 0.7 dB on
     * these fixtures.
     */
    static final double PSNR_TOLERANCE_DB = 0.3;

    /**
     * How far mean colourfulness may fall below the record. Rounding noise moves it by hundredths; 2.0 is
     * 5 to 10% of the model's colourfulness on photos (22 to 39), what a visibly duller model loses.
     */
    static final double CF_TOLERANCE = 2.0;

    /**
     * How far the fixture fingerprints may move: they come from pure double arithmetic on decoded JPEGs
     * (no model), so only a JPEG decoder change or a changed fixture moves them by more.
     */
    static final double FIXTURE_TOLERANCE = 0.01;

    /** What to run when the figures are stale or the fixtures changed. */
    static final String RERECORD = "re-record with tools/quality/record.sh";

    QualityFigures {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(modelSha256, "modelSha256");
    }

    /**
     * Compares a measurement with the record.
     *
     * @param measured this run's figures
     * @return one line per problem; empty if the measurement passes
     */
    List<String> problemsOf(QualityFigures measured) {
        List<String> problems = new ArrayList<>();
        if (!modelSha256.equalsIgnoreCase(measured.modelSha256)) {
            problems.add("the bundled model (" + measured.model + ", sha256 " + measured.modelSha256
                    + ") is not the one the figures were recorded with (" + model + ", sha256 " + modelSha256
                    + "): " + RERECORD);
            return problems;
        }
        if (renderFactor != measured.renderFactor || photos != measured.photos) {
            problems.add(String.format(
                    Locale.ROOT,
                    "measured %d photo(s) at render factor %d, but the figures are for %d photo(s) at render"
                            + " factor %d: %s",
                    measured.photos,
                    measured.renderFactor,
                    photos,
                    renderFactor,
                    RERECORD));
            return problems;
        }
        if (Math.abs(grayPsnr - measured.grayPsnr) > FIXTURE_TOLERANCE
                || Math.abs(truthCf - measured.truthCf) > FIXTURE_TOLERANCE) {
            problems.add(String.format(
                    Locale.ROOT,
                    "the fixtures changed (gray PSNR %.4f dB, photo CF %.4f; recorded %.4f dB, %.4f): %s",
                    measured.grayPsnr,
                    measured.truthCf,
                    grayPsnr,
                    truthCf,
                    RERECORD));
            return problems;
        }
        if (measured.psnr < psnr - PSNR_TOLERANCE_DB) {
            problems.add(String.format(
                    Locale.ROOT,
                    "mean PSNR fell to %.3f dB, more than %.1f dB below the recorded %.3f dB",
                    measured.psnr,
                    PSNR_TOLERANCE_DB,
                    psnr));
        }
        if (measured.cf < cf - CF_TOLERANCE) {
            problems.add(String.format(
                    Locale.ROOT,
                    "mean colourfulness fell to %.3f, more than %.1f below the recorded %.3f",
                    measured.cf,
                    CF_TOLERANCE,
                    cf));
        }
        return problems;
    }

    /**
     * The figures as properties text, with a header saying what they are. Written by hand rather than
     * by {@link Properties#store}, which orders keys by hash and adds a timestamp line: the file stays
     * stable, so a re-record is a diff of the numbers only.
     *
     * @param header comment lines for the top of the file, without the {@code #}
     * @return the text
     */
    String toPropertiesText(List<String> header) {
        StringBuilder sb = new StringBuilder();
        header.forEach(line -> sb.append(line.isEmpty() ? "#" : "# " + line).append('\n'));
        sb.append("model=").append(model).append('\n');
        sb.append("model.sha256=").append(modelSha256).append('\n');
        sb.append("renderFactor=").append(renderFactor).append('\n');
        sb.append("photos=").append(photos).append('\n');
        sb.append("psnr=").append(num(psnr)).append('\n');
        sb.append("cf=").append(num(cf)).append('\n');
        sb.append("gray.psnr=").append(num(grayPsnr)).append('\n');
        sb.append("truth.cf=").append(num(truthCf)).append('\n');
        return sb.toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /**
     * Reads recorded figures.
     *
     * @param in the properties text
     * @param source where it came from, for messages
     * @return the figures
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException naming the source and key if a value is missing or malformed
     */
    static QualityFigures read(Reader in, String source) throws IOException {
        Properties p = new Properties();
        p.load(in);
        return new QualityFigures(
                text(p, "model", source),
                text(p, "model.sha256", source),
                (int) number(p, "renderFactor", source),
                (int) number(p, "photos", source),
                number(p, "psnr", source),
                number(p, "cf", source),
                number(p, "gray.psnr", source),
                number(p, "truth.cf", source));
    }

    private static String text(Properties p, String key, String source) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(source + ": '" + key + "' is missing; " + RERECORD);
        }
        return v.trim();
    }

    private static double number(Properties p, String key, String source) {
        String v = text(p, key, source);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": '" + key + "' is not a number: '" + v + "'", e);
        }
    }
}
