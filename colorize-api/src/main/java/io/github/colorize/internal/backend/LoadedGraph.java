package io.github.colorize.internal.backend;

import io.github.colorize.ModelCard;
import io.github.colorize.internal.pipeline.Tensor;
import java.util.Map;

/**
 * A model graph loaded by a local runtime (ONNX Runtime, a DJL engine), as {@link GraphColorizer} sees
 * it: float32 tensors in, the card's output tensor out. Runtime types stay behind this interface.
 *
 * <p>Implementations must allow concurrent {@link #run} calls; {@link #close} is only called once no
 * run is in flight ({@link GraphColorizer} guarantees this).
 */
public interface LoadedGraph extends AutoCloseable {

    /**
     * The card as checked against the graph (for example with fixed sizing when the graph has a fixed
     * input size).
     *
     * @return the effective card
     */
    ModelCard card();

    /**
     * The SHA-256 of the model file actually loaded, for provenance.
     *
     * @return 64 hex digits
     */
    String sha256();

    /**
     * Where the graph runs, for provenance.
     *
     * @return {@code cpu} or {@code cuda:N}
     */
    String device();

    /**
     * Runs the graph once.
     *
     * @param inputs tensors by input name; auxiliary inputs may be left out (the graph gets zeros)
     * @return the card's output tensor, float32
     * @throws io.github.colorize.ModelException naming the model when the runtime refuses the input
     */
    Tensor run(Map<String, Tensor> inputs);

    /** Releases the runtime's resources. */
    @Override
    void close();
}
