package io.github.colorize.internal.pipeline;

import io.github.colorize.ModelCard;
import io.github.colorize.RenderFactor;
import java.util.function.IntSupplier;

/**
 * Which input sizes a graph accepts, how a render factor maps to one, which factor {@code auto} may
 * pick and which factor a run really used: the one owner of render-factor stepping. Immutable and
 * thread-safe.
 *
 * <p>In {@link Fidelity#REFERENCE} a factor whose size the graph cannot run is refused (the reference
 * pipeline would have used exactly that size, so any other size changes the pixels); in {@link
 * Fidelity#DEFAULT} the size is rounded to the nearest one the graph accepts.
 */
public sealed interface SizeRule {

    /** DeOldify's pixels per render-factor step. */
    int RENDER_BASE = RenderFactor.BASE;

    /**
     * The rule of a card's sizing.
     *
     * @param sizing the card's sizing
     * @return the rule
     * @throws IllegalArgumentException if the side or multiple is not positive
     */
    static SizeRule of(ModelCard.Sizing sizing) {
        return switch (sizing.kind()) {
            case FIXED_SQUARE -> new FixedSquare(sizing.side());
            case RENDER_FACTOR_SQUARE -> new RenderFactorSquare(sizing.multiple());
            case RENDER_FACTOR_AREA -> new AspectArea(sizing.multiple());
        };
    }

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
     * The factor {@code auto} runs at: the photo's choice, moved where needed to a factor this rule can
     * run in the fidelity, since auto must not pick what the reference pipeline refuses.
     *
     * @param photoChoice the factor chosen from the photo; asked only when the rule uses it (a graph of
     *     fixed size does not: its one factor needs no look at the photo)
     * @param defaultFactor the card's default factor
     * @param fidelity the fidelity
     * @return the factor to prepare with
     */
    default int autoFactor(IntSupplier photoChoice, int defaultFactor, Fidelity fidelity) {
        return photoChoice.getAsInt();
    }

    /**
     * The factor a run really used, for the provenance record.
     *
     * @param prepared the factor the photo was prepared with
     * @return the factor the graph ran at
     */
    default int usedFactor(int prepared) {
        return prepared;
    }

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

        /** In reference fidelity, the photo's choice rounded down to a factor whose side is a multiple. */
        @Override
        public int autoFactor(IntSupplier photoChoice, int defaultFactor, Fidelity fidelity) {
            int factor = photoChoice.getAsInt();
            if (fidelity != Fidelity.REFERENCE) {
                return factor;
            }
            // 16·f is a multiple of `multiple` exactly when f is a multiple of this step (2 for 32).
            int step = multiple / gcd(multiple, RENDER_BASE);
            int lowest = (RenderFactor.MIN + step - 1) / step * step;
            return Math.max(lowest, factor / step * step);
        }

        private static int gcd(int a, int b) {
            return b == 0 ? a : gcd(b, a % b);
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

        /** Its only factor, {@code side / 16}, without a look at the photo; the card's default if none. */
        @Override
        public int autoFactor(IntSupplier photoChoice, int defaultFactor, Fidelity fidelity) {
            return side % RENDER_BASE == 0 ? side / RENDER_BASE : defaultFactor;
        }

        /** The graph ran at its own side whatever was asked. */
        @Override
        public int usedFactor(int prepared) {
            return Math.round(side / (float) RENDER_BASE);
        }
    }

    /**
     * The photo's aspect ratio kept, area about {@code (16 × factor)²}, each side rounded (half to even)
     * to a multiple of {@code multiple} and at least {@code multiple} (the project's chroma model; the
     * rule of {@code working_size} in {@code training/colorize_training/sizing.py}). Every factor can run, so both fidelities agree.
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
