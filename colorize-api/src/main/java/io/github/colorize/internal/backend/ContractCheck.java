package io.github.colorize.internal.backend;

import io.github.colorize.ModelCard;
import io.github.colorize.ModelCard.Sizing;
import io.github.colorize.ModelException;
import io.github.colorize.PipelineId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks at load time that a graph honours its card's tensor contract, so that a wrong file or card
 * fails with a message naming both instead of a runtime shape error on the first photo. A graph
 * exported at one fixed square size turns a render-factor card into a fixed-size one. Static and
 * thread-safe.
 */
public final class ContractCheck {

    /** Channel counts per pipeline id: main input, output, then auxiliary inputs by name. */
    private static final Map<PipelineId, Map<String, Long>> CHANNELS = Map.of(
            PipelineId.DEOLDIFY, Map.of("in", 3L, "out", 3L),
            PipelineId.DEOLDIFY_255, Map.of("in", 3L, "out", 3L),
            PipelineId.DDCOLOR, Map.of("in", 3L, "out", 2L),
            PipelineId.ECCV16, Map.of("in", 1L, "out", 2L),
            PipelineId.SIGGRAPH17, Map.of("in", 1L, "out", 2L, "ab_hint", 2L, "mask", 1L),
            PipelineId.COLORIZE_CHROMA, Map.of("in", 1L, "out", 2L));

    private ContractCheck() {}

    /**
     * Checks the graph against the card.
     *
     * @param card the card
     * @param graph what the graph declares
     * @param origin where the graph came from, for messages
     * @return the card to use: the same one, or one with fixed sizing when the graph has a fixed size
     * @throws ModelException naming the card, the file and every mismatch
     */
    public static ModelCard check(ModelCard card, GraphSignature graph, String origin) {
        String where = "model " + card.name() + " (" + origin + "): ";
        Set<String> expected = new TreeSet<>(card.inputNames());
        Set<String> actual = new TreeSet<>(graph.inputs().keySet());
        if (!expected.equals(actual)) {
            throw new ModelException(where + "the graph's inputs are " + actual + " but the card expects " + expected
                    + "; is this the right card for this file?");
        }
        GraphSignature.Tensor out = graph.outputs().get(card.outputName());
        if (out == null) {
            throw new ModelException(where + "the graph has no output '" + card.outputName() + "' (it has "
                    + new TreeSet<>(graph.outputs().keySet()) + ")");
        }
        String dtype = card.dtype() == ModelCard.TensorType.FLOAT16 ? "float16" : "float32";
        Map<String, GraphSignature.Tensor> all = new HashMap<>(graph.inputs());
        all.put(card.outputName(), out);
        Map<String, Long> channels = CHANNELS.getOrDefault(card.pipeline(), Map.of());
        for (Map.Entry<String, GraphSignature.Tensor> e : all.entrySet()) {
            String name = e.getKey();
            GraphSignature.Tensor t = e.getValue();
            if (!t.type().equals(dtype)) {
                throw new ModelException(where + "tensor '" + name + "' is " + t.type() + " but the card says " + dtype
                        + (t.type().equals("float16") ? "; use the card's -fp16 variant or dtype=FLOAT16" : ""));
            }
            if (t.shape().length != 4) {
                throw new ModelException(where + "tensor '" + name + "' has shape " + t + "; NCHW (rank 4) expected");
            }
            if (t.dim(0) > 1) {
                throw new ModelException(where + "tensor '" + name + "' has batch " + t.dim(0) + "; 1 expected");
            }
            String role = name.equals(card.inputName()) ? "in" : name.equals(card.outputName()) ? "out" : name;
            Long c = channels.get(role);
            if (c != null && t.dim(1) > 0 && t.dim(1) != c) {
                throw new ModelException(where + "tensor '" + name + "' has " + t.dim(1) + " channels; pipeline "
                        + card.pipeline() + " needs " + c);
            }
        }
        return fixedSizing(card, graph.inputs().get(card.inputName()), where);
    }

    private static ModelCard fixedSizing(ModelCard card, GraphSignature.Tensor in, String where) {
        long h = in.dim(2);
        long w = in.dim(3);
        Sizing sizing = card.sizing();
        if (h < 0 && w < 0) {
            return card;
        }
        if (h < 0 || w < 0 || h != w) {
            throw new ModelException(where + "the graph's input is fixed at " + in
                    + "; only square fixed sizes or fully dynamic height and width are supported");
        }
        if (sizing.kind() == Sizing.Kind.FIXED_SQUARE) {
            if (sizing.side() != h) {
                throw new ModelException(where + "the card says the graph runs at " + sizing.side()
                        + " px but the graph is fixed at " + h);
            }
            return card;
        }
        if (h % sizing.outputScale() != 0) {
            throw new ModelException(
                    where + "fixed side " + h + " is not a multiple of the output scale " + sizing.outputScale());
        }
        // A graph exported at one size (DeOldify traced at 560 for render factor 35, say) runs only there.
        return card.toBuilder()
                .sizing(new Sizing(Sizing.Kind.FIXED_SQUARE, (int) h, 1, sizing.outputScale()))
                .build();
    }
}
