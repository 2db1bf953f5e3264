package io.github.colorize.cli.internal.sheet;

import io.github.colorize.RenderFactor;
import java.util.ArrayList;
import java.util.List;

/**
 * A render-factor sweep, {@code FROM:TO:STEP} (for example {@code 10:40:5} gives 10, 15, ..., 40).
 * Immutable.
 *
 * @param from the first factor
 * @param to the last factor (included when the steps reach it)
 * @param step the increment, positive
 */
public record SweepSpec(int from, int to, int step) {

    /** The most tiles a sweep may produce, to keep the sheet readable. */
    public static final int MAX_TILES = 39;

    /** Validates the range. */
    public SweepSpec {
        if (from < RenderFactor.MIN || to > RenderFactor.MAX || from > to) {
            throw new IllegalArgumentException("sweep range must lie within " + RenderFactor.MIN + ".."
                    + RenderFactor.MAX + " with FROM <= TO, got " + from + ":" + to);
        }
        if (step < 1) {
            throw new IllegalArgumentException("sweep step must be at least 1, got " + step);
        }
    }

    /**
     * Parses {@code FROM:TO:STEP}, or {@code FROM:TO} with step 5.
     *
     * @param text the text
     * @return the sweep
     * @throws IllegalArgumentException naming what is wrong
     */
    public static SweepSpec parse(String text) {
        String[] parts = text.trim().split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException(
                    "sweep must look like FROM:TO:STEP (for example 10:40:5), got '" + text + "'");
        }
        try {
            int from = Integer.parseInt(parts[0].trim());
            int to = Integer.parseInt(parts[1].trim());
            int step = parts.length == 3 ? Integer.parseInt(parts[2].trim()) : 5;
            return new SweepSpec(from, to, step);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "sweep must look like FROM:TO:STEP with whole numbers (for example 10:40:5), got '" + text + "'",
                    e);
        }
    }

    /**
     * The factors, in increasing order.
     *
     * @return from, from + step, ... up to to
     */
    public List<RenderFactor> factors() {
        List<RenderFactor> out = new ArrayList<>();
        for (int f = from; f <= to; f += step) {
            out.add(RenderFactor.of(f));
        }
        return out;
    }

    @Override
    public String toString() {
        return from + ":" + to + ":" + step;
    }
}
