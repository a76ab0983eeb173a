package io.tasker.bench.notify;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample of nanosecond durations, reported in microseconds. */
record Latencies(int count, double p50, double p90, double p99, double p999, double max) {

    static Latencies of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return new Latencies(0, 0, 0, 0, 0, 0);
        }
        return new Latencies(sorted.length, micros(sorted, 0.50), micros(sorted, 0.90), micros(sorted, 0.99),
                micros(sorted, 0.999), sorted[sorted.length - 1] / 1_000.0);
    }

    private static double micros(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)] / 1_000.0;
    }

    /** Table cells: p50 | p90 | p99 | p99.9 | max. */
    String cells() {
        return "%.0f | %.0f | %.0f | %.0f | %.0f".formatted(p50, p90, p99, p999, max);
    }

    /** One table cell: p50 / p99. */
    String p50AndP99() {
        return "%.0f / %.0f".formatted(p50, p99);
    }

    @Override
    public String toString() {
        return "p50=%.0fus p90=%.0fus p99=%.0fus p99.9=%.0fus max=%.0fus".formatted(p50, p90, p99, p999, max);
    }
}
