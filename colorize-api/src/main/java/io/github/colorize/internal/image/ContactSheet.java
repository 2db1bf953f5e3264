package io.github.colorize.internal.image;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * Lays out labelled images in a grid on a dark background: the render-factor sweep, the before/after
 * comparison and the evaluation sheet. Each tile is scaled to one width, keeping its aspect ratio, with
 * its label centred underneath. Stateless, thread-safe; returns a new {@code TYPE_INT_RGB} image.
 */
public final class ContactSheet {

    private static final Color BACKGROUND = new Color(0x20, 0x20, 0x20);
    private static final Color TEXT = new Color(0xF0, 0xF0, 0xF0);
    private static final int GAP = 12;

    private ContactSheet() {}

    /**
     * One picture and its caption.
     *
     * @param image the picture (not modified)
     * @param label the caption, one line
     */
    public record Tile(BufferedImage image, String label) {
        /** Validates the components. */
        public Tile {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * Composes a sheet.
     *
     * @param tiles the tiles, row by row
     * @param columns tiles per row
     * @param tileWidth the width every tile is scaled to, in pixels
     * @return the sheet
     */
    public static BufferedImage compose(List<Tile> tiles, int columns, int tileWidth) {
        if (tiles.isEmpty() || columns < 1 || tileWidth < 16) {
            throw new IllegalArgumentException("need tiles, columns >= 1 and tileWidth >= 16");
        }
        int rows = (tiles.size() + columns - 1) / columns;
        int labelHeight = Math.max(16, tileWidth / 14);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(11, labelHeight * 3 / 4));
        int[] rowHeights = new int[rows];
        BufferedImage[] scaled = new BufferedImage[tiles.size()];
        for (int i = 0; i < tiles.size(); i++) {
            scaled[i] = scaleToWidth(tiles.get(i).image(), tileWidth);
            rowHeights[i / columns] = Math.max(rowHeights[i / columns], scaled[i].getHeight());
        }
        int cols = Math.min(columns, tiles.size());
        int width = GAP + cols * (tileWidth + GAP);
        int height = GAP;
        for (int h : rowHeights) {
            height += h + labelHeight + GAP;
        }
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            int y = GAP;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns && r * columns + c < tiles.size(); c++) {
                    int i = r * columns + c;
                    int x = GAP + c * (tileWidth + GAP);
                    g.drawImage(scaled[i], x, y, null);
                    String label = fit(tiles.get(i).label(), fm, tileWidth);
                    g.setColor(TEXT);
                    int tx = x + (tileWidth - fm.stringWidth(label)) / 2;
                    int ty = y + rowHeights[r] + (labelHeight + fm.getAscent() - fm.getDescent()) / 2;
                    g.drawString(label, tx, ty);
                }
                y += rowHeights[r] + labelHeight + GAP;
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }

    private static String fit(String label, FontMetrics fm, int width) {
        if (fm.stringWidth(label) <= width) {
            return label;
        }
        String s = label;
        while (s.length() > 1 && fm.stringWidth(s + "…") > width) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "…";
    }

    /**
     * Scales an image to a width, keeping the aspect ratio; large reductions go in halving steps so
     * that bilinear filtering does not alias.
     *
     * @param src the image
     * @param width the target width
     * @return a new RGB image
     */
    public static BufferedImage scaleToWidth(BufferedImage src, int width) {
        int targetH = Math.max(1, (int) Math.round((double) src.getHeight() * width / src.getWidth()));
        BufferedImage current = src;
        int w = src.getWidth();
        int h = src.getHeight();
        do {
            int nw = Math.max(width, w / 2);
            int nh = nw == width ? targetH : Math.max(targetH, h / 2);
            BufferedImage next = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(current, 0, 0, nw, nh, null);
            } finally {
                g.dispose();
            }
            current = next;
            w = nw;
            h = nh;
        } while (w != width || h != targetH);
        return current;
    }
}
