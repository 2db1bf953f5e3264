package io.github.colorize.onnx.internal;

import io.github.colorize.BackendUnavailableException;
import io.github.colorize.internal.backend.DeviceSpec;
import java.util.Objects;

/**
 * Decides where a session runs, in layers, cheapest first:
 * is a CUDA execution provider compiled into the loaded ONNX Runtime at all; then does registering it
 * and creating the session work. {@code auto} falls back to the CPU with one reason; an explicit
 * {@code cuda} never falls back. The ONNX Runtime calls are passed in, so the decision is testable
 * without a GPU. Thread-safe if the attempts are.
 *
 * @param <S> the session type
 */
public final class DeviceSelector<S> {

    /** Creates a session on one target, or throws with the runtime's reason. */
    @FunctionalInterface
    public interface Attempt<S> {
        /**
         * Tries to create the session.
         *
         * @return the session
         * @throws Exception with the runtime's reason
         */
        S create() throws Exception;
    }

    /**
     * The session and where it runs.
     *
     * @param session the session
     * @param device {@code cpu} or {@code cuda:N}, for provenance
     * @param fallbackReason why {@code auto} did not use CUDA, or null when it did or was not asked
     * @param <S> the session type
     */
    public record Selected<S>(S session, String device, String fallbackReason) {}

    private final boolean cudaCompiledIn;
    private final java.util.function.IntFunction<Attempt<S>> cuda;
    private final Attempt<S> cpu;

    /**
     * A selector.
     *
     * @param cudaCompiledIn whether the loaded runtime lists the CUDA provider
     * @param cuda creates a session on CUDA device N
     * @param cpu creates a CPU session
     */
    public DeviceSelector(boolean cudaCompiledIn, java.util.function.IntFunction<Attempt<S>> cuda, Attempt<S> cpu) {
        this.cudaCompiledIn = cudaCompiledIn;
        this.cuda = Objects.requireNonNull(cuda, "cuda");
        this.cpu = Objects.requireNonNull(cpu, "cpu");
    }

    /**
     * Creates the session where the spec says.
     *
     * @param spec the device setting
     * @return the session and its device
     * @throws BackendUnavailableException if an explicit CUDA device cannot be used
     * @throws Exception if the CPU session itself fails (a broken model, for instance)
     */
    public Selected<S> select(DeviceSpec spec) throws Exception {
        switch (spec.kind()) {
            case CPU:
                return new Selected<>(cpu.create(), "cpu", null);
            case CUDA:
                if (!cudaCompiledIn) {
                    throw new BackendUnavailableException(
                            "onnx",
                            "device " + spec.cudaLabel() + " was requested, but this ONNX Runtime build has no CUDA"
                                    + " execution provider: replace com.microsoft.onnxruntime:onnxruntime with"
                                    + " onnxruntime_gpu (colorize-onnx README), or use device=auto or cpu");
                }
                try {
                    return new Selected<>(cuda.apply(spec.index()).create(), spec.cudaLabel(), null);
                } catch (Exception e) {
                    throw new BackendUnavailableException(
                            "onnx",
                            "device " + spec.cudaLabel() + " was requested, but CUDA cannot be used here: "
                                    + reason(e) + ". CUDA 12, cuDNN 9 and a driver must be installed; or use"
                                    + " device=auto or cpu",
                            e);
                }
            default:
                String why;
                if (!cudaCompiledIn) {
                    why = "this ONNX Runtime build is CPU-only (swap in onnxruntime_gpu for CUDA)";
                } else {
                    try {
                        return new Selected<>(cuda.apply(spec.index()).create(), spec.cudaLabel(), null);
                    } catch (Exception e) {
                        why = "CUDA is compiled in but unusable here: " + reason(e);
                    }
                }
                return new Selected<>(cpu.create(), "cpu", why);
        }
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
    }
}
