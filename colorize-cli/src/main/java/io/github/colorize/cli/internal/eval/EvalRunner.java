package io.github.colorize.cli.internal.eval;

import io.github.colorize.ColorHints;
import io.github.colorize.ColorizeOptions;
import io.github.colorize.ColorizedImage;
import io.github.colorize.Colorizer;
import io.github.colorize.ImageReadOptions;
import io.github.colorize.Images;
import io.github.colorize.SourceImage;
import io.github.colorize.cli.internal.batch.BatchUsageException;
import io.github.colorize.cli.internal.batch.Causes;
import io.github.colorize.cli.internal.batch.SourceFile;
import io.github.colorize.cli.internal.batch.SourceScanner;
import io.github.colorize.cli.internal.eval.ImageMetrics.CfVariant;
import io.github.colorize.internal.image.ContactSheet;
import io.github.colorize.internal.image.PixelBuffers;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Measures a colorizer on folders of colour photos: for each photo, its L* becomes the gray input,
 * the colorizer colours it at full size (no mark), and PSNR and colourfulness are taken for the result
 * and for the gray and sepia {@link Baselines}, against the photo. Photos with practically no colour
 * (absolute colourfulness below {@value #MIN_TRUTH_CF}) have no colour to compare with and are left
 * out. One folder of results per folder that holds photos. Not
 * thread-safe; one run per instance.
 */
public final class EvalRunner {

    /** Below this absolute colourfulness a photo counts as gray: no ground truth for colour. */
    public static final double MIN_TRUTH_CF = 1.0;

    /** The fixed seed hint points are drawn with (mixed with each photo's relative path). */
    static final long HINT_SEED = 0x5166_2017L;

    private final Colorizer colorizer;
    private final ColorizeOptions options;
    private final CfVariant variant;
    private final int limit;
    private final int sheetRows;
    private final int tileWidth;
    private final List<ContactSheet.Tile> sheet = new ArrayList<>();
    private List<Integer> hintCounts = List.of();

    /**
     * Creates a runner.
     *
     * @param colorizer the colorizer measured (not closed here)
     * @param options how to colourise; the mark is switched off
     * @param variant the colourfulness formula
     * @param limit the most photos per folder
     * @param sheetRows how many photos go into the contact sheet (0 for none)
     * @param tileWidth the sheet's tile width
     */
    public EvalRunner(
            Colorizer colorizer, ColorizeOptions options, CfVariant variant, int limit, int sheetRows, int tileWidth) {
        this.colorizer = colorizer;
        this.options = options.toBuilder().watermark(false).build();
        this.variant = variant;
        this.limit = limit;
        this.sheetRows = sheetRows;
        this.tileWidth = tileWidth;
    }

    /**
     * Also measures the automatic result corrected with hints taken from the ground truth ({@link
     * HintSampler}), once per count: methods {@code hints:N}. The backend runs once per photo; the
     * correction is applied to its result, as {@link io.github.colorize.ColorHints#applyTo} does for
     * every backend.
     *
     * @param counts hint counts, each at least 1
     * @return this runner
     */
    public EvalRunner withHints(List<Integer> counts) {
        this.hintCounts = List.copyOf(counts);
        return this;
    }

    /**
     * Evaluates every photo under a folder; results are named by their folder relative to it ({@code .}
     * for the folder itself).
     *
     * @param root the folder
     * @param errors receives one line per photo that failed
     * @return one result per folder that holds photos, in path order
     * @throws BatchUsageException never in practice (no output folder is involved)
     */
    public List<FolderResult> run(Path root, Consumer<String> errors) throws BatchUsageException {
        return run(root, null, errors);
    }

    /**
     * Evaluates every photo under a folder, naming results under a label: {@code label} for the folder
     * itself, {@code label/sub} for its subfolders. Several evaluated folders need labels, or their
     * results (all {@code .} at the top) could not be told apart in tables, CSV and JSON.
     *
     * @param root the folder
     * @param label the name of {@code root} in results, or null for {@code .} and bare relative names
     * @param errors receives one line per photo that failed
     * @return one result per folder that holds photos, in path order
     * @throws BatchUsageException never in practice (no output folder is involved)
     */
    public List<FolderResult> run(Path root, String label, Consumer<String> errors) throws BatchUsageException {
        SourceScanner.Result scan = SourceScanner.scan(List.of(root), null);
        scan.problems().forEach(p -> errors.accept(p.path() + ": " + p.reason()));
        Map<String, FolderResult> folders = new LinkedHashMap<>();
        for (SourceFile s : scan.sources()) {
            int slash = s.relative().lastIndexOf('/');
            String folder = slash < 0 ? "." : s.relative().substring(0, slash);
            if (label != null) {
                folder = folder.equals(".") ? label : label + "/" + folder;
            }
            FolderResult fr = folders.computeIfAbsent(folder, FolderResult::new);
            // Photos that failed count too: --limit bounds the work, also on a folder of broken files.
            if (fr.photos().size() + fr.skipped() + fr.failed() < limit) {
                measure(s, fr, errors);
            }
        }
        return List.copyOf(folders.values());
    }

    private void measure(SourceFile s, FolderResult fr, Consumer<String> errors) {
        try {
            SourceImage src = Images.readSource(s.path(), ImageReadOptions.defaults());
            BufferedImage img = src.image();
            int w = img.getWidth();
            int h = img.getHeight();
            int[] truth = PixelBuffers.rgb(img);
            if (ImageMetrics.colorfulness(truth, CfVariant.ABSOLUTE) < MIN_TRUTH_CF) {
                fr.skip();
                return;
            }
            float[] lightness = Baselines.lightness(truth);
            int[] gray = Baselines.gray(lightness);
            int[] sepia = Baselines.sepia(lightness);
            BufferedImage grayImage = PixelBuffers.toImage(gray, w, h);
            ColorizedImage result = colorizer.colorize(grayImage, options);
            int[] ours = PixelBuffers.rgb(result.image());
            Map<String, Double> psnr = new LinkedHashMap<>();
            Map<String, Double> cf = new LinkedHashMap<>();
            psnr.put("gray", ImageMetrics.psnr(gray, truth));
            psnr.put("sepia", ImageMetrics.psnr(sepia, truth));
            psnr.put("ours", ImageMetrics.psnr(ours, truth));
            cf.put("gray", ImageMetrics.colorfulness(gray, variant));
            cf.put("sepia", ImageMetrics.colorfulness(sepia, variant));
            cf.put("ours", ImageMetrics.colorfulness(ours, variant));
            long seed = HINT_SEED ^ s.relative().hashCode();
            for (int n : hintCounts) {
                ColorHints hints = HintSampler.sample(truth, w, h, n, seed);
                int[] guided = PixelBuffers.rgb(hints.applyTo(result.image()));
                psnr.put(FolderResult.HINTS_PREFIX + n, ImageMetrics.psnr(guided, truth));
                cf.put(FolderResult.HINTS_PREFIX + n, ImageMetrics.colorfulness(guided, variant));
            }
            cf.put("truth", ImageMetrics.colorfulness(truth, variant));
            fr.add(new FolderResult.PhotoResult(s.relative(), psnr, cf));
            if (sheet.size() < 3 * sheetRows) {
                sheet.add(new ContactSheet.Tile(
                        thumb(grayImage), "gray: " + s.path().getFileName()));
                sheet.add(new ContactSheet.Tile(thumb(result.image()), "ours"));
                sheet.add(new ContactSheet.Tile(thumb(img), "truth"));
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            fr.fail();
            errors.accept(s.path() + ": " + Causes.of(e, s.path()));
        }
    }

    /** Keeps only a thumbnail for the sheet, so memory does not grow with the folder. */
    private BufferedImage thumb(BufferedImage img) {
        return ContactSheet.scaleToWidth(img, tileWidth);
    }

    /**
     * The contact sheet's tiles collected so far: rows of gray | ours | truth.
     *
     * @return the tiles
     */
    public List<ContactSheet.Tile> sheetTiles() {
        return List.copyOf(sheet);
    }
}
