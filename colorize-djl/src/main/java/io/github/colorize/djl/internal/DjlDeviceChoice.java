package io.github.colorize.djl.internal;

import ai.djl.Device;
import io.github.colorize.BackendUnavailableException;
import io.github.colorize.internal.backend.DeviceSpec;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a DJL model runs, from the shared {@code device} setting: {@code cpu}; {@code cuda[:N]}, which
 * fails with the reason when the engine cannot use that GPU; or {@code auto}, which tries the GPU when
 * the engine can use one and falls back to the CPU with one reason. Whether a GPU is possible is decided
 * by the caller from the engine (ONNX Runtime: is its CUDA provider compiled in; PyTorch: how many CUDA
 * devices do its natives see), so this decision is testable without a GPU. Immutable and thread-safe.
 */
final class DjlDeviceChoice {

    /** Loads the model on one device, or throws the engine's reason. */
    @FunctionalInterface
    interface Attempt<T> {
        T load(Device device) throws Exception;
    }

    /**
     * The loaded value and where it runs.
     *
     * @param value what the attempt returned
     * @param label {@code cpu} or {@code cuda:N}, for provenance
     * @param fallbackReason why {@code auto} did not use the GPU, or null
     * @param <T> the value type
     */
    record Chosen<T>(T value, String label, String fallbackReason) {}

    private final EngineKind engine;
    private final Optional<String> whyNoCuda;

    /**
     * A choice for one engine.
     *
     * @param engine the engine, for messages
     * @param whyNoCuda why this engine cannot use the requested GPU here, or empty if it may try
     */
    DjlDeviceChoice(EngineKind engine, Optional<String> whyNoCuda) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.whyNoCuda = Objects.requireNonNull(whyNoCuda, "whyNoCuda");
    }

    /**
     * Loads where the setting says.
     *
     * @param spec the device setting
     * @param attempt loads on one device
     * @param <T> the value type
     * @return the value and its device
     * @throws BackendUnavailableException if an explicit CUDA device cannot be used
     * @throws Exception whatever the CPU attempt throws
     */
    <T> Chosen<T> select(DeviceSpec spec, Attempt<T> attempt) throws Exception {
        if (spec.kind() == DeviceSpec.Kind.CPU) {
            return new Chosen<>(attempt.load(Device.cpu()), "cpu", null);
        }
        if (spec.kind() == DeviceSpec.Kind.CUDA) {
            if (whyNoCuda.isPresent()) {
                throw new BackendUnavailableException(
                        "djl",
                        "device " + spec.cudaLabel() + " was requested, but DJL's " + engine.djlName()
                                + " engine cannot use it: " + whyNoCuda.get() + "; or use device=auto or cpu");
            }
            try {
                return new Chosen<>(attempt.load(Device.gpu(spec.index())), spec.cudaLabel(), null);
            } catch (Exception e) {
                throw new BackendUnavailableException(
                        "djl",
                        "device " + spec.cudaLabel() + " was requested, but DJL's " + engine.djlName()
                                + " engine failed on it: " + DjlEngines.rootMessage(e) + "; or use device=auto or cpu",
                        e);
            }
        }
        String why;
        if (whyNoCuda.isPresent()) {
            why = whyNoCuda.get();
        } else {
            try {
                return new Chosen<>(attempt.load(Device.gpu(spec.index())), spec.cudaLabel(), null);
            } catch (Exception e) {
                why = spec.cudaLabel() + " failed: " + DjlEngines.rootMessage(e);
            }
        }
        return new Chosen<>(attempt.load(Device.cpu()), "cpu", why);
    }
}
