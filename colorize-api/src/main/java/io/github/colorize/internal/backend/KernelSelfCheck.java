package io.github.colorize.internal.backend;

import io.github.colorize.BackendUnavailableException;
import io.github.colorize.spi.Availability;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The load-time self-check of a runtime's convolution kernels: the runtime computes a few known
 * convolutions ({@link #CASES}, seeded data) and each output is compared with the {@link ConvCase}
 * reference computed in Java with double accumulation. It exists because a runtime can be wrong on one
 * CPU and right on the next: libtorch 2.7.1's bundled oneDNN 3.7.1 computes 3x3 convolutions whose
 * input channels are not a multiple of 16 wrong on AMD EPYC CPUs with AVX-512 (up to a third of the
 * output range off), which colours photos wrong without any error.
 *
 * <p>The tolerance is the classical bound for a float32 dot product, whatever the summation order:
 * {@code |error| <= gamma(n) * (|bias| + sum |x*w|)} with {@code gamma(n) = n*u / (1 - n*u)}, {@code n}
 * the number of terms plus one and {@code u} the unit roundoff ({@code 2^-24} for float32; {@code 2^-11}
 * plus the float32 part where a GPU multiplies in TF32), doubled for the rounding of the inputs
 * themselves. Right kernels stay below a hundredth of it; the broken ones exceed it a thousandfold.
 *
 * <p>One outcome per runtime and device per JVM ({@link #verify}), so the check costs once. Static and
 * thread-safe.
 */
public final class KernelSelfCheck {

    private static final Logger LOG = LoggerFactory.getLogger(KernelSelfCheck.class);

    /**
     * The known convolutions: the shape seen wrong (3x3, 24 to 32 channels), a strided one, an aligned
     * one (32 channels), a first layer (one channel) and a 1x1. Two images each: libtorch hands single
     * small images to its own slow kernel, batches to oneDNN, which is what models run on. Tiny images
     * keep the Java reference cheap (about 0.6 million multiply-adds); the broken kernels are wrong at
     * 4x4 as at 256x256.
     */
    public static final List<ConvCase> CASES = List.of(
            new ConvCase(2, 24, 32, 4, 4, 3, 1, 1, 11),
            new ConvCase(2, 24, 48, 6, 6, 3, 2, 1, 12),
            new ConvCase(2, 32, 16, 4, 4, 3, 1, 1, 13),
            new ConvCase(2, 1, 16, 8, 8, 3, 1, 1, 14),
            new ConvCase(2, 24, 32, 4, 4, 1, 1, 0, 15));

    /**
     * The runtime name both ONNX backends ({@code onnx}, and {@code djl}'s OnnxRuntime engine) check ONNX
     * Runtime under: one library per process, so one outcome per device.
     */
    public static final String ONNX_RUNTIME = "ONNX Runtime";

    /** What a user can do when ONNX Runtime computes wrong: no switch is known that changes its kernels. */
    public static final String ONNX_RUNTIME_REMEDY = "No setting is known that moves ONNX Runtime off these kernels:"
            + " run on another machine or backend, and report this CPU model and the ONNX Runtime version to the"
            + " colorize project";

    private static final Map<String, Outcome> OUTCOMES = new ConcurrentHashMap<>();

    private KernelSelfCheck() {}

    /** How the runtime multiplies, which sets the tolerance. */
    public enum Precision {
        /** Plain float32 (CPUs). */
        FLOAT32(0),
        /** TF32 products, float32 sums (GPU convolutions in PyTorch and ONNX Runtime by default). */
        TF32(Math.scalb(1.0, -11));

        private final double productError;

        Precision(double productError) {
            this.productError = productError;
        }
    }

    /** Runs the cases on the runtime under test, all at once (one ONNX Runtime session, say). */
    @FunctionalInterface
    public interface Runner {
        /**
         * Computes the convolutions.
         *
         * @param cases the cases: shapes and data
         * @return each case's output, NCHW, {@link ConvCase#outputShape()} elements, in the same order
         * @throws Exception if the runtime fails
         */
        List<float[]> run(List<ConvCase> cases) throws Exception;
    }

    /** A change to the runtime that may avoid wrong kernels; re-checked after it is applied. */
    @FunctionalInterface
    public interface Fix {
        /**
         * Applies the change, for the rest of this JVM.
         *
         * @return what was changed, for the log and the availability line
         * @throws Exception if it cannot be applied here
         */
        String apply() throws Exception;
    }

    /** What the check found. */
    public enum Status {
        /** Every case within float32 rounding. */
        PASSED,
        /** Wrong at first, right after the fix. */
        FIXED,
        /** Wrong, and no fix helped: the runtime must not be used. */
        FAILED
    }

    /**
     * The outcome for one runtime and device.
     *
     * @param status what was found
     * @param report one line for logs and availability
     * @param millis how long the check took
     */
    public record Outcome(Status status, String report, long millis) {

        /** Validates the components. */
        public Outcome {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(report, "report");
        }

        /**
         * Whether the runtime may be used.
         *
         * @return true unless {@link Status#FAILED}
         */
        public boolean usable() {
            return status != Status.FAILED;
        }

        /**
         * Refuses a runtime that failed.
         *
         * @param backend the backend name, for the exception
         * @throws BackendUnavailableException with the report, if the check failed
         */
        public void requireUsable(String backend) {
            if (!usable()) {
                throw new BackendUnavailableException(backend, report);
            }
        }
    }

    /**
     * The outcome for a runtime and device, checking (and fixing) on the first call in this JVM only.
     * A failure is remembered too, so that every later load and {@link #known} report it.
     *
     * @param key the runtime and device, from {@link #key}
     * @param runner computes a case on that runtime and device
     * @param precision how the runtime multiplies there
     * @param fix what to try when a case is wrong, or null when nothing can be done in the JVM
     * @param remedy what the user can do when the check fails, ending the refusal's message
     * @return the outcome
     */
    public static Outcome verify(String key, Runner runner, Precision precision, @Nullable Fix fix, String remedy) {
        // Held under the map's lock while it runs: a second loader waits for the first outcome.
        return OUTCOMES.computeIfAbsent(key, k -> {
            Outcome outcome = check(k, runner, precision, fix, remedy);
            switch (outcome.status()) {
                case PASSED -> LOG.debug("{}: {} in {} ms", k, outcome.report(), outcome.millis());
                case FIXED -> LOG.warn("{} (self-check and fix: {} ms)", outcome.report(), outcome.millis());
                case FAILED -> LOG.error("{} (self-check: {} ms)", outcome.report(), outcome.millis());
            }
            return outcome;
        });
    }

    /**
     * The outcome for a runtime and device, if it has been checked in this JVM; loads nothing.
     *
     * @param key as given to {@link #verify}
     * @return the outcome
     */
    public static Optional<Outcome> known(String key) {
        return Optional.ofNullable(OUTCOMES.get(key));
    }

    /**
     * The key a runtime is checked under on a device.
     *
     * @param runtime the runtime, such as {@link #ONNX_RUNTIME}
     * @param device {@code cpu} or {@code cuda:N}
     * @return the key, also the start of a failure's report
     */
    public static String key(String runtime, String device) {
        return runtime + " on " + device;
    }

    /**
     * What this JVM found for a runtime on the device a setting names, if it has checked it: {@code
     * cuda:N} for {@code cuda}, the CPU for {@code cpu}, and for {@code auto} the GPU it would try if that
     * was checked, else the CPU. Loads nothing.
     *
     * @param runtime the runtime
     * @param device the device setting
     * @return the outcome
     */
    public static Optional<Outcome> known(String runtime, DeviceSpec device) {
        Optional<Outcome> cuda =
                device.kind() == DeviceSpec.Kind.CPU ? Optional.empty() : known(key(runtime, device.cudaLabel()));
        if (device.kind() == DeviceSpec.Kind.CUDA || cuda.isPresent()) {
            return cuda;
        }
        return known(key(runtime, "cpu"));
    }

    /**
     * A backend's availability with the self-check's outcome: unavailable with the report when the
     * runtime was found wrong on that device, otherwise available with what was found (or that the check
     * runs when a model loads). Loads nothing.
     *
     * @param runtime the runtime
     * @param device the device setting
     * @param ready the availability line without the check
     * @return the availability
     */
    public static Availability availability(String runtime, DeviceSpec device, String ready) {
        Optional<Outcome> checked = known(runtime, device);
        if (checked.isPresent() && !checked.get().usable()) {
            return Availability.unavailable(checked.get().report());
        }
        return Availability.available(
                ready + "; " + checked.map(Outcome::report).orElse("convolution self-check runs when a model loads"));
    }

    /** The check itself, uncached (tests). */
    static Outcome check(String key, Runner runner, Precision precision, @Nullable Fix fix, String remedy) {
        long start = System.nanoTime();
        Optional<String> wrong = firstWrong(runner, precision);
        if (wrong.isEmpty()) {
            return new Outcome(
                    Status.PASSED, "convolution self-check passed (" + CASES.size() + " cases)", elapsed(start));
        }
        String found = key + " computes convolutions wrong here: " + wrong.get();
        if (fix != null) {
            String applied;
            try {
                applied = fix.apply();
            } catch (Exception | LinkageError e) {
                return new Outcome(
                        Status.FAILED, found + "; the fix could not be applied (" + e + "). " + remedy, elapsed(start));
            }
            Optional<String> still = firstWrong(runner, precision);
            if (still.isEmpty()) {
                return new Outcome(
                        Status.FIXED,
                        found + "; " + applied + ", and the self-check now passes. " + remedy,
                        elapsed(start));
            }
            return new Outcome(
                    Status.FAILED,
                    found + "; still wrong after " + applied + ": " + still.get() + ". " + remedy,
                    elapsed(start));
        }
        return new Outcome(Status.FAILED, found + ". " + remedy, elapsed(start));
    }

    private static Optional<String> firstWrong(Runner runner, Precision precision) {
        List<float[]> results;
        try {
            results = runner.run(CASES);
        } catch (Exception e) {
            return Optional.of("the runtime failed on a known convolution (" + e + ")");
        }
        for (int i = 0; i < CASES.size(); i++) {
            Optional<String> problem = compare(CASES.get(i), i < results.size() ? results.get(i) : null, precision);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /**
     * Compares a runtime's result with the reference.
     *
     * @param c the case
     * @param actual what the runtime computed, NCHW
     * @param precision how it multiplies
     * @return what is wrong, if anything
     */
    public static Optional<String> compare(ConvCase c, float @Nullable [] actual, Precision precision) {
        double[][] ref = c.reference();
        double[] expected = ref[0];
        double[] magnitude = ref[1];
        if (actual == null || actual.length != expected.length) {
            return Optional.of(c.label() + ": " + (actual == null ? "no" : actual.length) + " outputs, "
                    + expected.length + " expected");
        }
        double bound = 2 * (gamma(c.terms() + 1) + precision.productError);
        int wrong = 0;
        int nonFinite = 0;
        double worst = 0;
        double worstAllowed = 0;
        for (int i = 0; i < expected.length; i++) {
            double allowed = bound * magnitude[i] + Double.MIN_NORMAL;
            double d = Math.abs(actual[i] - expected[i]);
            if (!Double.isFinite(d)) {
                wrong++;
                nonFinite++;
            } else if (d > allowed) {
                wrong++;
                if (d > worst) {
                    worst = d;
                    worstAllowed = allowed;
                }
            }
        }
        if (wrong == 0) {
            return Optional.empty();
        }
        String off = wrong == nonFinite
                ? ""
                : String.format(Locale.ROOT, ", off by up to %.3g (float32 rounding allows %.2g)", worst, worstAllowed);
        return Optional.of(c.label() + ": " + wrong + " of " + expected.length + " outputs wrong" + off
                + (nonFinite == 0 ? "" : ", " + nonFinite + " of them NaN or infinite"));
    }

    private static double gamma(int n) {
        double nu = n * Math.scalb(1.0, -24);
        return nu / (1 - nu);
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
