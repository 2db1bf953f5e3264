package io.github.colorize.internal.provenance;

import io.github.colorize.WatermarkOptions;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;

/**
 * Draws the painter's-palette mark in vector form (no bitmap asset): a light palette with a dark
 * outline and a soft dark halo, so that it reads on dark and light photos alike, with four paint
 * dabs. Stateless, thread-safe; draws into the image it is given.
 */
public final class PaletteMark {

    private static final Color[] PAINTS = {
        new Color(0xD62828), new Color(0xF7B801), new Color(0x2A9D8F), new Color(0x3A86FF)
    };

    private PaletteMark() {}

    /**
     * Draws the mark into the image (in place).
     *
     * @param image the image to mark
     * @param options corner, size, opacity
     */
    public static void draw(BufferedImage image, WatermarkOptions options) {
        int w = image.getWidth();
        int h = image.getHeight();
        int size = (int) Math.round(options.sizeFraction() * h);
        size = Math.max(12, Math.min(size, Math.min(w, h) / 2));
        if (size < 12 || w < 24 || h < 24) {
            return; // too small to carry a legible mark; the XMP record still says it
        }
        int margin = Math.max(2, size / 5);
        int x = switch (options.corner()) {
            case BOTTOM_LEFT, TOP_LEFT -> margin;
            case BOTTOM_RIGHT, TOP_RIGHT -> w - margin - size;
        };
        int y = switch (options.corner()) {
            case TOP_LEFT, TOP_RIGHT -> margin;
            case BOTTOM_LEFT, BOTTOM_RIGHT -> h - margin - size;
        };
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) options.opacity()));
            g.translate(x, y);
            double s = size;
            Area palette = new Area(new Ellipse2D.Double(0, s * 0.08, s, s * 0.84));
            palette.subtract(new Area(new Ellipse2D.Double(s * 0.58, s * 0.52, s * 0.2, s * 0.2)));
            palette.subtract(new Area(new Ellipse2D.Double(s * 0.78, s * 0.62, s * 0.34, s * 0.34)));
            // Halo: a wide translucent dark stroke keeps the light palette visible on white skies.
            g.setColor(new Color(0, 0, 0, 110));
            g.setStroke(new BasicStroke((float) (s * 0.12), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(palette);
            g.setColor(new Color(0xF4EBDD));
            g.fill(palette);
            g.setColor(new Color(0x3B2A1A));
            g.setStroke(new BasicStroke((float) Math.max(1, s * 0.04)));
            g.draw(palette);
            double d = s * 0.17;
            double[][] dabs = {{0.16, 0.30}, {0.38, 0.18}, {0.62, 0.24}, {0.22, 0.58}};
            for (int i = 0; i < dabs.length; i++) {
                g.setColor(PAINTS[i]);
                g.fill(new Ellipse2D.Double(dabs[i][0] * s, dabs[i][1] * s, d, d));
            }
        } finally {
            g.dispose();
        }
    }
}
