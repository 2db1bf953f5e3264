package io.github.colorize.djl.internal;

import io.github.colorize.ColorizeException;
import io.github.colorize.ModelCard;
import io.github.colorize.ModelException;
import io.github.colorize.RenderFactor;
import io.github.colorize.internal.backend.LoadedGraph;
import io.github.colorize.internal.pipeline.ColorPipeline;
import io.github.colorize.internal.pipeline.Fidelity;
import io.github.colorize.internal.pipeline.Pipelines;
import io.github.colorize.internal.pipeline.Prepared;
import io.github.colorize.internal.pipeline.Tensor;

/**
 * Checks a graph that declares no tensor signature (a TorchScript module) against its card by running
 * it once on a small synthetic photo through the card's own pipeline, whose {@code finish} step checks
 * the output's channels and size. A wrong card or file then fails at load time with a message naming
 * both, instead of on the user's first photo. Static and thread-safe.
 */
final class ContractProbe {

    /** Side of the synthetic photo: small, but large enough for every family's down-sampling. */
    private static final int SIDE = 64;

    private ContractProbe() {}

    /**
     * Runs the probe.
     *
     * @param graph the loaded graph
     * @throws ModelException naming the card and the file if the graph does not follow the card
     */
    static void check(DjlGraph graph) {
        check(graph, graph.origin());
    }

    static void check(LoadedGraph graph, String origin) {
        ModelCard card = graph.card();
        ColorPipeline pipeline = Pipelines.forCard(card);
        int[] rgb = new int[SIDE * SIDE];
        for (int i = 0; i < rgb.length; i++) {
            int v = (i % SIDE) * 255 / (SIDE - 1);
            rgb[i] = v << 16 | v << 8 | v;
        }
        try {
            Prepared prepared = pipeline.prepare(rgb, SIDE, SIDE, probeFactor(card), Fidelity.DEFAULT);
            Tensor out = graph.run(prepared.allInputs());
            pipeline.finish(prepared, out, 1f, card.postProcessing());
        } catch (ColorizeException | IllegalArgumentException e) {
            throw new ModelException(
                    "model " + card.name() + " (" + origin + ") does not follow the card's tensor contract (pipeline "
                            + card.pipeline() + ", input " + card.inputNames() + ", sizing "
                            + card.sizing().text()
                            + "): " + e.getMessage() + "; is this the right card for this file?",
                    e);
        }
    }

    /** The smallest render factor, except for fixed-size graphs, which run at their side only. */
    private static int probeFactor(ModelCard card) {
        ModelCard.Sizing sizing = card.sizing();
        if (sizing.kind() == ModelCard.Sizing.Kind.FIXED_SQUARE && sizing.side() % RenderFactor.BASE == 0) {
            return sizing.side() / RenderFactor.BASE;
        }
        return RenderFactor.MIN;
    }
}
