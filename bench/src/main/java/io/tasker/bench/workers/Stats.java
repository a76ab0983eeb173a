package io.tasker.bench.workers;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Summaries printed by the worker benchmarks. */
final class Stats {
    private Stats() {
    }

    /** One line: every round's value, then mean, median, min and max. */
    static void report(String what, double[] values) {
        double[] sorted = sorted(values);
        System.out.printf("%s: rounds [%s]; mean %.1f, median %.1f, min %.1f, max %.1f%n", what,
                Arrays.stream(values).mapToObj(v -> String.format("%.1f", v)).collect(Collectors.joining(", ")),
                Arrays.stream(values).average().orElse(Double.NaN), percentile(sorted, 0.5), sorted[0],
                sorted[sorted.length - 1]);
    }

    /** p50/p90/p99/max and mean of latencies in ms. */
    static String distribution(double[] millis) {
        double[] s = sorted(millis);
        return String.format("p50 %.3f, p90 %.3f, p99 %.3f, max %.3f, mean %.3f ms (n %d)", percentile(s, 0.5),
                percentile(s, 0.9), percentile(s, 0.99), s[s.length - 1], Arrays.stream(s).average().orElse(Double.NaN),
                s.length);
    }

    static double[] sorted(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s;
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double[] times(double[] values, double factor) {
        return Arrays.stream(values).map(v -> v * factor).toArray();
    }
}
