package io.github.colorize;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

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
     * Lays the results out side by side, scaled to a common width, each labelled with its render
     * factor, for a person to compare.
     *
     * @param results the sweep results
     * @param thumbnailWidth the width of each tile in pixels (32 to 4096)
     * @return a new RGB image
     */
    public static BufferedImage contactSheet(List<ColorizedImage> results, int thumbnailWidth) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no results to lay out");
        }
        if (thumbnailWidth < 32 || thumbnailWidth > 4096) {
            throw new IllegalArgumentException("thumbnail width must be in [32, 4096], got " + thumbnailWidth);
        }
        int columns = (int) Math.ceil(Math.sqrt(results.size()));
        int rows = (results.size() + columns - 1) / columns;
        int label = Math.max(14, thumbnailWidth / 12);
        int tileHeight = 1;
        for (ColorizedImage r : results) {
            BufferedImage img = r.image();
            tileHeight =
                    Math.max(tileHeight, (int) Math.round((double) img.getHeight() * thumbnailWidth / img.getWidth()));
        }
        int gap = 4;
        BufferedImage sheet = new BufferedImage(
                columns * (thumbnailWidth + gap) + gap,
                rows * (tileHeight + label + gap) + gap,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, label * 3 / 4));
            for (int i = 0; i < results.size(); i++) {
                BufferedImage img = results.get(i).image();
                int x = gap + (i % columns) * (thumbnailWidth + gap);
                int y = gap + (i / columns) * (tileHeight + label + gap);
                int h = (int) Math.round((double) img.getHeight() * thumbnailWidth / img.getWidth());
                g.drawImage(img, x, y, thumbnailWidth, Math.max(1, h), null);
                g.setColor(Color.BLACK);
                g.drawString(
                        "render factor " + results.get(i).provenance().renderFactor(),
                        x + 2,
                        y + tileHeight + label * 3 / 4);
            }
        } finally {
            g.dispose();
        }
        return sheet;
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
