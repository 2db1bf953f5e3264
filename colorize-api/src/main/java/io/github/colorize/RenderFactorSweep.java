package io.github.colorize;

import io.github.colorize.internal.image.ContactSheet;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Colourises one photo at several render factors so that a person can pick the one they like, as
 * DeOldify's notebooks suggest: old, small or noisy scans often look best at a low factor, sharp photos
 * at a high one.
 *
 * <pre>{@code
 * List<ColorizedImage> tries = RenderFactorSweep.run(colorizer, photo, options, RenderFactorSweep.DEFAULT_FACTORS);
 * Images.write(RenderFactorSweep.contactSheet(tries, 320), Path.of("choose.png"), ImageWriteOptions.of(ImageFormat.PNG));
 * }</pre>
 *
 * <p>Static and thread-safe; runs the factors one after another on the calling thread (the colorizer
 * itself may use many threads per call).
 */
public final class RenderFactorSweep {

    /** A spread of factors from very low to high, 10 to 40 in steps of 5. */
    public static final List<Integer> DEFAULT_FACTORS = List.of(10, 15, 20, 25, 30, 35, 40);

    private RenderFactorSweep() {}

    /**
     * Colourises an image at each factor.
     *
     * @param colorizer the colorizer (not closed by this method)
     * @param photo the photo; not modified
     * @param options the options; their render factor is replaced by each factor in turn
     * @param factors the factors, 7 to 45; duplicates are run once
     * @return one result per distinct factor, in the given order; each provenance record names the
     *     factor actually used (models with a fixed input size use theirs)
     * @throws IllegalArgumentException if the list is empty or a factor is out of range
     */
    public static List<ColorizedImage> run(
            Colorizer colorizer, BufferedImage photo, ColorizeOptions options, List<Integer> factors) {
        Objects.requireNonNull(colorizer, "colorizer");
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(options, "options");
        List<RenderFactor> distinct = validate(factors);
        List<ColorizedImage> out = new ArrayList<>(distinct.size());
        for (RenderFactor f : distinct) {
            out.add(colorizer.colorize(
                    photo, options.toBuilder().renderFactor(f).build()));
        }
        return List.copyOf(out);
    }

    /**
     * Reads a photo once and colourises it at each factor; every result names the source file.
     *
     * @param colorizer the colorizer
     * @param photo the file; never modified
     * @param options the options
     * @param factors the factors
     * @return one result per distinct factor, in the given order
     * @throws UndecodableImageException if the file cannot be read
     */
    public static List<ColorizedImage> run(
            Colorizer colorizer, Path photo, ColorizeOptions options, List<Integer> factors) {
        validate(factors);
        SourceImage source = Images.readSource(photo, ImageReadOptions.defaults());
        String name = photo.getFileName().toString();
        return run(colorizer, source.image(), options, factors).stream()
                .map(r -> r.withProvenance(r.provenance().withSource(name, source.sha256())))
                .toList();
    }

    /**
     * Colourises an image at each factor, scaling each result down to a tile as soon as it is made:
     * only the tiles are kept, so a sweep of a 24-megapixel scan at 39 factors holds 39 small tiles
     * rather than 39 full-size results.
     *
     * @param colorizer the colorizer (not closed by this method)
     * @param photo the photo; not modified
     * @param options the options; their render factor is replaced by each factor in turn
     * @param factors the factors, 7 to 45; duplicates are run once
     * @param tileWidth the width each result is scaled to, keeping its aspect ratio (32 to 4096)
     * @return one tile-sized result per distinct factor, in the given order, each with its full
     *     provenance record
     * @throws IllegalArgumentException if the list is empty, a factor is out of range or the width is
     *     out of range
     */
    public static List<ColorizedImage> run(
            Colorizer colorizer, BufferedImage photo, ColorizeOptions options, List<Integer> factors, int tileWidth) {
        Objects.requireNonNull(colorizer, "colorizer");
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(options, "options");
        checkTileWidth(tileWidth);
        List<RenderFactor> distinct = validate(factors);
        List<ColorizedImage> out = new ArrayList<>(distinct.size());
        for (RenderFactor f : distinct) {
            ColorizedImage full = colorizer.colorize(
                    photo, options.toBuilder().renderFactor(f).build());
            out.add(new ColorizedImage(ContactSheet.scaleToWidth(full.image(), tileWidth), full.provenance()));
        }
        return List.copyOf(out);
    }

    /**
     * Lays the results out in a grid, scaled to a common width, each labelled with the render factor
     * its model used, for a person to compare.
     *
     * @param results the sweep results
     * @param thumbnailWidth the width of each tile in pixels (32 to 4096)
     * @return a new RGB image
     */
    public static BufferedImage contactSheet(List<ColorizedImage> results, int thumbnailWidth) {
        List<Integer> used =
                results.stream().map(r -> r.provenance().renderFactor()).toList();
        return sheet(null, used, results, thumbnailWidth);
    }

    /**
     * Lays the original and the results out in a grid, scaled to a common width: the original first,
     * then each result labelled with the factor asked for and, where the model used another (models
     * with a fixed input size ignore the factor), the one it used.
     *
     * @param original the photo the sweep started from; not modified
     * @param factors the factors the sweep was asked for, duplicates removed, in the results' order
     * @param results the sweep results, one per factor
     * @param thumbnailWidth the width of each tile in pixels (32 to 4096)
     * @return a new RGB image
     * @throws IllegalArgumentException if there are no results, or not one per factor
     */
    public static BufferedImage contactSheet(
            BufferedImage original, List<Integer> factors, List<ColorizedImage> results, int thumbnailWidth) {
        Objects.requireNonNull(original, "original");
        if (factors.size() != results.size()) {
            throw new IllegalArgumentException(
                    "need one result per factor, got " + results.size() + " for " + factors.size() + " factors");
        }
        return sheet(original, factors, results, thumbnailWidth);
    }

    private static BufferedImage sheet(
            @Nullable BufferedImage original, List<Integer> asked, List<ColorizedImage> results, int thumbnailWidth) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no results to lay out");
        }
        checkTileWidth(thumbnailWidth);
        List<ContactSheet.Tile> tiles = new ArrayList<>(results.size() + 1);
        if (original != null) {
            tiles.add(new ContactSheet.Tile(original, "original"));
        }
        for (int i = 0; i < results.size(); i++) {
            ColorizedImage r = results.get(i);
            int factor = asked.get(i);
            int used = r.provenance().renderFactor();
            String label = "render factor " + factor + (used > 0 && used != factor ? " (model used " + used + ")" : "");
            tiles.add(new ContactSheet.Tile(r.image(), label));
        }
        int columns = (int) Math.ceil(Math.sqrt(tiles.size()));
        return ContactSheet.compose(tiles, columns, thumbnailWidth);
    }

    private static void checkTileWidth(int width) {
        if (width < 32 || width > 4096) {
            throw new IllegalArgumentException("thumbnail width must be in [32, 4096], got " + width);
        }
    }

    private static List<RenderFactor> validate(List<Integer> factors) {
        Objects.requireNonNull(factors, "factors");
        if (factors.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one render factor");
        }
        List<RenderFactor> out = new ArrayList<>();
        for (Integer f : new LinkedHashSet<>(factors)) {
            out.add(RenderFactor.of(Objects.requireNonNull(f, "factor")));
        }
        return out;
    }
}
