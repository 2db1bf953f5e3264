package io.github.colorize.internal.pipeline;

/**
 * Which input sizes a graph accepts, and how a render factor maps to one. Immutable and thread-safe.
 *
 * <p>In {@link Fidelity#REFERENCE} a factor whose size the graph cannot run is refused (the reference
 * pipeline would have used exactly that size, so any other size changes the pixels); in {@link
 * Fidelity#DEFAULT} the size is rounded to the nearest one the graph accepts.
 */
public sealed interface SizeRule {

    /** DeOldify's pixels per render-factor step. */
    int RENDER_BASE = 16;

    /**
     * The model input size for a photo.
     *
     * @param w the photo width
     * @param h the photo height
     * @param renderFactor the render factor, positive
     * @param fidelity the fidelity
     * @return {@code {modelWidth, modelHeight}}
     * @throws IllegalArgumentException if the factor is not positive, or in reference fidelity the graph
     *     cannot run it
     */
    int[] modelSize(int w, int h, int renderFactor, Fidelity fidelity);

    /**
     * A square of side {@code 16 × factor}, stretched (DeOldify, DDColor); the graph accepts sides that
     * are multiples of {@code multiple} (1 for any side, 32 for graphs traced with dynamic axes, whose
     * skip connections need a multiple of the encoder stride).
     *
     * @param multiple the side granularity, positive
     */
    record RenderFactorSquare(int multiple) implements SizeRule {
        /**
         * Checks the multiple.
         *
         * @throws IllegalArgumentException if not positive
         */
        public RenderFactorSquare {
            if (multiple <= 0) {
                throw new IllegalArgumentException("multiple must be positive, got " + multiple);
            }
        }

        @Override
        public int[] modelSize(int w, int h, int renderFactor, Fidelity fidelity) {
            int side = RENDER_BASE * positive(renderFactor);
            if (side % multiple != 0) {
                if (fidelity == Fidelity.REFERENCE) {
                    throw new IllegalArgumentException("render factor " + renderFactor + " (" + side
                            + " px) cannot run on this graph, which needs a side that is a multiple of " + multiple
                            + "; choose another factor or use the default fidelity");
                }
                // Round half up: a slightly larger model side keeps a little more detail.
                side = Math.max(multiple, (side + multiple / 2) / multiple * multiple);
            }
            return new int[] {side, side};
        }
    }

    /**
     * A graph exported at one fixed square side (ECCV16/SIGGRAPH17 at 256, DeOldify graphs traced at
     * exactly 560, …). Its only render factor is {@code side / 16}; reference fidelity refuses any
     * other factor, default fidelity ignores the factor.
     *
     * @param side the side in pixels, positive
     */
    record FixedSquare(int side) implements SizeRule {
        /**
         * Checks the side.
         *
         * @throws IllegalArgumentException if not positive
         */
        public FixedSquare {
            if (side <= 0) {
                throw new IllegalArgumentException("side must be positive, got " + side);
            }
        }

        @Override
        public int[] modelSize(int w, int h, int renderFactor, Fidelity fidelity) {
            int requested = RENDER_BASE * positive(renderFactor);
            if (fidelity == Fidelity.REFERENCE && requested != side) {
                throw new IllegalArgumentException("render factor " + renderFactor + " (" + requested
                        + " px) cannot run on this graph, which was exported at a fixed " + side + " px"
                        + (side % RENDER_BASE == 0 ? " (render factor " + side / RENDER_BASE + ")" : "")
                        + "; use that factor or the default fidelity");
            }
            return new int[] {side, side};
        }
    }

    /**
     * The photo's aspect ratio kept, area about {@code (16 × factor)²}, each side rounded (half to even)
     * to a multiple of {@code multiple} and at least {@code multiple} (the project's chroma model; the
     * rule of {@code training/common.py working_size}). Every factor can run, so both fidelities agree.
     *
     * @param multiple the side granularity, positive
     */
    record AspectArea(int multiple) implements SizeRule {
        /**
         * Checks the multiple.
         *
         * @throws IllegalArgumentException if not positive
         */
        public AspectArea {
            if (multiple <= 0) {
                throw new IllegalArgumentException("multiple must be positive, got " + multiple);
            }
        }

        @Override
        public int[] modelSize(int w, int h, int renderFactor, Fidelity fidelity) {
            double s = RENDER_BASE * (double) positive(renderFactor) / Math.sqrt((double) h * w);
            int mh = Math.max(multiple, (int) Math.rint(h * s / multiple) * multiple);
            int mw = Math.max(multiple, (int) Math.rint(w * s / multiple) * multiple);
            return new int[] {mw, mh};
        }
    }

    private static int positive(int renderFactor) {
        if (renderFactor <= 0) {
            throw new IllegalArgumentException("render factor must be positive, got " + renderFactor);
        }
        return renderFactor;
    }
}
