package io.github.colorize.spi;

import java.util.Objects;

/**
 * Whether a backend can run here, and why (not). Immutable.
 *
 * @param available whether {@link ColorizerProvider#create} is expected to succeed
 * @param reason a short human explanation, shown by {@code colorize backends}
 */
public record Availability(boolean available, String reason) {

    /** Validates the components. */
    public Availability {
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * The backend can run.
     *
     * @param reason what it will use (for example "ONNX Runtime 1.29.0, bundled model")
     * @return the availability
     */
    public static Availability available(String reason) {
        return new Availability(true, reason);
    }

    /**
     * The backend cannot run.
     *
     * @param reason why, and what to do about it
     * @return the availability
     */
    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }
}
