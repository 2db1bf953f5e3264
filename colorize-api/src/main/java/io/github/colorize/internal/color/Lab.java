package io.github.colorize.internal.color;

import java.util.Objects;

/**
 * Entry point for CIE Lab conversion; see {@link LabVariant} for the arithmetic of each variant.
 *
 * <p>Converters are created once and shared: stateless, immutable, thread-safe.
 */
public final class Lab {

    private Lab() {}

    /**
     * Returns the shared converter of a variant.
     *
     * @param variant which arithmetic to reproduce
     * @return the converter (a singleton per variant)
     */
    public static LabConverter converter(LabVariant variant) {
        Objects.requireNonNull(variant, "variant");
        return switch (variant) {
            case EXACT -> ExactLab.INSTANCE;
            case SKIMAGE -> SkimageLab.INSTANCE;
            case OPENCV -> OpenCvLab.Holder.INSTANCE;
        };
    }
}
