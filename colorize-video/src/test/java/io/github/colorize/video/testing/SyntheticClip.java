package io.github.colorize.video.testing;

/**
 * A short black-and-white test film made in memory: two shots with textured backgrounds and moving
 * shapes, and a cut between them. Deterministic. Frames are packed {@code 0xRRGGBB} grays.
 */
public final class SyntheticClip {

    public static final int WIDTH = 192;
    public static final int HEIGHT = 144;
    public static final int FRAMES = 50;
    /** The first frame of the second shot. */
    public static final int CUT = 25;

    private SyntheticClip() {}

    /**
     * One frame.
     *
     * @param t the frame index, 0 to {@link #FRAMES} − 1
     * @return packed gray pixels
     */
    public static int[] frame(int t) {
        int[] px = new int[WIDTH * HEIGHT];
        boolean first = t < CUT;
        int u = first ? t : t - CUT;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int v;
                if (first) {
                    // A light shot: horizontal gradient with a static checker texture.
                    v = 150 + 60 * x / WIDTH + ((((x / 8) + (y / 8)) & 1) == 0 ? 12 : -12);
                    if (x >= 20 + 3 * u && x < 44 + 3 * u && y >= 40 && y < 64) {
                        v = 60; // a dark square moving right
                    }
                    int dx = x - 120;
                    int dy = y - (20 + 2 * u);
                    if (dx * dx + dy * dy < 14 * 14) {
                        v = 110; // a disc moving down
                    }
                } else {
                    // A dark shot: vertical gradient with diagonal stripes.
                    v = 30 + 40 * y / HEIGHT + (((x + y) / 6) % 2 == 0 ? 8 : -8);
                    if (x >= 150 - 3 * u && x < 170 - 3 * u && y >= 80 && y < 100) {
                        v = 220; // a bright square moving left
                    }
                }
                v = Math.max(0, Math.min(255, v));
                px[y * WIDTH + x] = v << 16 | v << 8 | v;
            }
        }
        return px;
    }
}
