package io.github.colorize;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the time of one colourisation went. Immutable.
 *
 * @param preprocess preparing the model input (colour conversion, resampling, tensor packing)
 * @param inference running the model (or the remote call)
 * @param postprocess turning the output into the final image (upsampling, recombination, mark)
 */
public record Timings(Duration preprocess, Duration inference, Duration postprocess) {

    /** No time recorded. */
    public static final Timings ZERO = new Timings(Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /** Validates the components. */
    public Timings {
        Objects.requireNonNull(preprocess, "preprocess");
        Objects.requireNonNull(inference, "inference");
        Objects.requireNonNull(postprocess, "postprocess");
    }

    /**
     * The sum of the stages.
     *
     * @return the total
     */
    public Duration total() {
        return preprocess.plus(inference).plus(postprocess);
    }

    /**
     * Adds time to the post-processing stage.
     *
     * @param extra the extra time
     * @return the new timings
     */
    public Timings plusPostprocess(Duration extra) {
        return new Timings(preprocess, inference, postprocess.plus(extra));
    }
}
