package io.github.colorize.cli.internal.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The evaluation of one folder of colour photos: per-photo metrics, then means per method. Not
 * thread-safe: filled by one runner, read afterwards.
 */
public final class FolderResult {

    /** The prefix of the methods "ours, corrected with N hints" ({@code hints:10}). */
    public static final String HINTS_PREFIX = "hints:";

    /** The methods always compared, in table order. */
    public static final List<String> METHODS = List.of("gray", "sepia", "ours");

    private final String name;
    private final List<PhotoResult> photos = new ArrayList<>();
    private int skipped;
    private int failed;

    FolderResult(String name) {
        this.name = name;
    }

    /**
     * One photo's numbers.
     *
     * @param file the photo, relative to the evaluated folder
     * @param psnr PSNR in dB against the photo, per method
     * @param cf colourfulness per method, plus {@code "truth"}
     */
    public record PhotoResult(String file, Map<String, Double> psnr, Map<String, Double> cf) {}

    /**
     * One row of the table: a method's means over the folder.
     *
     * @param method {@code gray}, {@code sepia} or {@code ours}
     * @param meanPsnr mean PSNR in dB
     * @param meanCf mean colourfulness
     * @param deltaCf {@code |mean CF − mean CF of the ground truth|}
     */
    public record Row(String method, double meanPsnr, double meanCf, double deltaCf) {}

    void add(PhotoResult r) {
        photos.add(r);
    }

    void skip() {
        skipped++;
    }

    void fail() {
        failed++;
    }

    /**
     * The folder, relative to the evaluated root ({@code .} for the root itself).
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The photos measured.
     *
     * @return per-photo results, in file order
     */
    public List<PhotoResult> photos() {
        return List.copyOf(photos);
    }

    /**
     * Photos left out because they are not in colour (no ground truth).
     *
     * @return the count
     */
    public int skipped() {
        return skipped;
    }

    /**
     * Photos that could not be read or colourised.
     *
     * @return the count
     */
    public int failed() {
        return failed;
    }

    /**
     * The mean colourfulness of the ground truth.
     *
     * @return the mean, NaN without photos
     */
    public double truthCf() {
        return photos.stream().mapToDouble(p -> p.cf().get("truth")).average().orElse(Double.NaN);
    }

    /**
     * The table rows, one per method.
     *
     * @return rows in {@link #METHODS} order, then one per hint count ({@code hints:N})
     */
    public List<Row> rows() {
        double truth = truthCf();
        List<Row> rows = new ArrayList<>();
        // The methods of the photos measured: the fixed ones, then any "hints:N" the run added.
        List<String> methods =
                photos.isEmpty() ? METHODS : List.copyOf(photos.get(0).psnr().keySet());
        for (String m : methods) {
            double psnr =
                    photos.stream().mapToDouble(p -> p.psnr().get(m)).average().orElse(Double.NaN);
            double cf =
                    photos.stream().mapToDouble(p -> p.cf().get(m)).average().orElse(Double.NaN);
            rows.add(new Row(m, psnr, cf, Math.abs(cf - truth)));
        }
        return rows;
    }
}
