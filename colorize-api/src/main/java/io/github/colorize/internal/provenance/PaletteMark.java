package io.github.colorize.internal.provenance;

import io.github.colorize.WatermarkOptions;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * Draws the visible provenance mark, a painter's palette, in vector form (no bitmap asset): a wooden
 * palette with a thumb hole and a notch, five paint dabs, a dark outline that reads on light photos and
 * a white rim that reads on dark ones.
 *
 * <p>The mark is rendered at full opacity into its own small layer and that layer is composited once
 * with the requested opacity, so overlapping parts never show through each other, and nothing is
 * drawn outside {@link #bounds}. Drawing is deterministic: the same image and options always give the
 * same pixels. Stateless, thread-safe; it draws into the image it is given, which the caller must not
 * share with other threads while it draws.
 */
public final class PaletteMark {

    /** Width over height of the mark's box; palettes are wider than tall. */
    static final double ASPECT = 1.25;

    /** Smaller marks are raised to this height (pixels) when the image has room. */
    static final int MIN_SIZE = 16;

    /** Below this height the drawing is no longer a recognisable palette; the mark is left out. */
    static final int MIN_LEGIBLE = 10;

    private static final Color WOOD = new Color(0xD99A4E);
    private static final Color OUTLINE = new Color(0x3A2414);
    private static final Color RIM = Color.WHITE;
    private static final Color[] PAINTS = {
        new Color(0xE63946), // red
        new Color(0xFFC914), // yellow
        new Color(0x2BA84A), // green
        new Color(0x1E6FD9), // blue
        new Color(0x8E3BC8), // violet
    };

    /** Dab centres in unit coordinates (box height 1, width {@link #ASPECT}), along the upper-left rim. */
    private static final double[][] DABS = {{0.30, 0.60}, {0.32, 0.34}, {0.55, 0.22}, {0.80, 0.24}, {0.55, 0.48}};

    private static final double DAB_RADIUS = 0.085;

    private PaletteMark() {}

    /**
     * Draws the mark into the image, in place, when the options enable it and the image is large
     * enough for a legible mark.
     *
     * @param image the image to mark
     * @param options enabled, corner, size, opacity
     */
    public static void draw(BufferedImage image, WatermarkOptions options) {
        if (!options.enabled() || options.opacity() == 0) {
            return;
        }
        Optional<Rectangle> box = bounds(image.getWidth(), image.getHeight(), options);
        if (box.isEmpty()) {
            return; // too small to carry a legible mark; the XMP record still says it
        }
        Rectangle r = box.get();
        BufferedImage layer = render(r.height, r.width);
        Graphics2D g = image.createGraphics();
        try {
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) options.opacity()));
            g.drawImage(layer, r.x, r.y, null);
        } finally {
            g.dispose();
        }
    }

    /**
     * The box the mark occupies in an image of the given size; nothing outside it is changed.
     *
     * @param width the image width
     * @param height the image height
     * @param options corner and size (the enabled flag is ignored)
     * @return the box, or empty if the image is too small for a legible mark
     */
    public static Optional<Rectangle> bounds(int width, int height, WatermarkOptions options) {
        int size = Math.max(MIN_SIZE, (int) Math.round(options.sizeFraction() * height));
        // The margin is a quarter of the mark; the mark and its margins must fit the image.
        int fit = (int) Math.floor(Math.min(height, width / ASPECT) / 1.5);
        size = Math.min(size, fit);
        if (size < MIN_LEGIBLE) {
            return Optional.empty();
        }
        int boxWidth = (int) Math.ceil(size * ASPECT);
        int margin = Math.max(2, (int) Math.round(size * 0.25));
        int x = switch (options.corner()) {
            case BOTTOM_LEFT, TOP_LEFT -> margin;
            case BOTTOM_RIGHT, TOP_RIGHT -> width - margin - boxWidth;
        };
        int y = switch (options.corner()) {
            case TOP_LEFT, TOP_RIGHT -> margin;
            case BOTTOM_LEFT, BOTTOM_RIGHT -> height - margin - size;
        };
        return Optional.of(new Rectangle(x, y, boxWidth, size));
    }

    /** The mark at full opacity on a transparent layer of the box's size. */
    static BufferedImage render(int size, int boxWidth) {
        BufferedImage layer = new BufferedImage(boxWidth, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = layer.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.scale(size, size);
            Shape palette = palette(true);
            // Layered from the outside in: a white rim for dark photos, a dark outline for light ones,
            // then the wood. Stroke widths have a floor of about one pixel so small marks keep both.
            double px = 1.0 / size;
            // The rim follows the outer edge only: inside the thumb hole it would fill the hole.
            g.setColor(RIM);
            g.setStroke(round(Math.max(0.13, 3.2 * px)));
            g.draw(palette(false));
            g.setColor(OUTLINE);
            g.setStroke(round(Math.max(0.06, 1.6 * px)));
            g.draw(palette);
            g.setColor(WOOD);
            g.fill(palette);
            for (int i = 0; i < DABS.length; i++) {
                Ellipse2D dab = new Ellipse2D.Double(
                        DABS[i][0] - DAB_RADIUS, DABS[i][1] - DAB_RADIUS, 2 * DAB_RADIUS, 2 * DAB_RADIUS);
                g.setColor(PAINTS[i]);
                g.fill(dab);
            }
        } finally {
            g.dispose();
        }
        return layer;
    }

    /**
     * The palette outline in unit coordinates: a tilted oval with a notch bitten out of its lower
     * right edge and a thumb hole beside the notch. It stays clear of the box edges by more than half
     * the widest stroke, so the rim is never clipped.
     */
    static Shape palette(boolean withThumbHole) {
        Ellipse2D body = new Ellipse2D.Double(0.625 - 0.53, 0.5 - 0.38, 1.06, 0.76);
        Area shape = new Area(AffineTransform.getRotateInstance(Math.toRadians(-10), 0.625, 0.5)
                .createTransformedShape(body));
        shape.subtract(new Area(new Ellipse2D.Double(1.00 - 0.17, 0.86 - 0.17, 0.34, 0.34)));
        if (withThumbHole) {
            shape.subtract(new Area(new Ellipse2D.Double(0.87 - 0.085, 0.50 - 0.085, 0.17, 0.17)));
        }
        return shape;
    }

    private static BasicStroke round(double width) {
        return new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
}
