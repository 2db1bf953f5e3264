package io.github.colorize.benchmarks.wholerun;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Per-stage durations of repeated runs, reported as medians. Not thread-safe. */
final class StageTimes {

    static final String[] STAGES = {"decode", "preprocess", "inference", "postprocess", "encode"};

    private final List<double[]> runs = new ArrayList<>();

    /** Records one run: milliseconds per stage, in {@link #STAGES} order. */
    void add(double... millis) {
        if (millis.length != STAGES.length) {
            throw new IllegalArgumentException("one value per stage");
        }
        runs.add(millis.clone());
    }

    int size() {
        return runs.size();
    }

    double median(int stage) {
        return median(runs.stream().mapToDouble(r -> r[stage]).toArray());
    }

    double medianTotal() {
        return median(
                runs.stream().mapToDouble(r -> java.util.Arrays.stream(r).sum()).toArray());
    }

    /** Median over runs of the non-inference share of each run's wall time. */
    double medianNonInferenceShare() {
        return median(runs.stream()
                .mapToDouble(r -> 1 - r[2] / java.util.Arrays.stream(r).sum())
                .toArray());
    }

    static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-12s %10s%n", "stage", "median ms"));
        for (int i = 0; i < STAGES.length; i++) {
            b.append(String.format(Locale.ROOT, "%-12s %10.1f%n", STAGES[i], median(i)));
        }
        b.append(String.format(Locale.ROOT, "%-12s %10.1f%n", "total", medianTotal()));
        b.append(String.format(
                Locale.ROOT,
                "non-inference share of wall time (median of runs): %.1f %%%n",
                100 * medianNonInferenceShare()));
        return b.toString();
    }
}
