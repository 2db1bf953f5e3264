package io.github.colorize.internal.backend;

import java.util.Locale;

/**
 * The {@code device} setting: {@code auto} (try CUDA device 0, fall back to the CPU), {@code cpu},
 * {@code cuda} (device 0) or {@code cuda:N}. Immutable.
 *
 * @param kind what was asked for
 * @param index the CUDA device index (0 unless {@code cuda:N})
 */
public record DeviceSpec(Kind kind, int index) {

    /** What was asked for. */
    public enum Kind {
        /** CUDA if it works here, else the CPU. */
        AUTO,
        /** The CPU only. */
        CPU,
        /** A CUDA device, or fail. */
        CUDA
    }

    /** Validates the index. */
    public DeviceSpec {
        if (index < 0) {
            throw new IllegalArgumentException("device index must not be negative");
        }
    }

    /**
     * Parses the setting.
     *
     * @param text {@code auto}, {@code cpu}, {@code cuda} or {@code cuda:N}
     * @return the spec
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static DeviceSpec parse(String text) {
        String t = text == null ? "auto" : text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "", "auto":
                return new DeviceSpec(Kind.AUTO, 0);
            case "cpu":
                return new DeviceSpec(Kind.CPU, 0);
            case "cuda", "gpu":
                return new DeviceSpec(Kind.CUDA, 0);
            default:
                if (t.startsWith("cuda:")) {
                    try {
                        int n = Integer.parseInt(t.substring(5));
                        if (n >= 0) {
                            return new DeviceSpec(Kind.CUDA, n);
                        }
                    } catch (NumberFormatException e) {
                        // fall through to the error below
                    }
                }
                throw new IllegalArgumentException(
                        "device must be auto, cpu, cuda or cuda:N (N = 0, 1, ...), got '" + text + "'");
        }
    }

    /**
     * The name recorded in provenance for a CUDA run on this spec's device.
     *
     * @return {@code cuda:N}
     */
    public String cudaLabel() {
        return "cuda:" + index;
    }
}
