package io.tasker.core.engine;

import io.tasker.core.config.BackoffConfig;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * How long a failed step waits before its next attempt (TASKER-COMPAT.md §3.5): the handler's own
 * {@code retry_after} capped by {@code max_backoff_seconds}, else the backoff table, then
 * {@code attempt^multiplier}, capped, with ±jitter, floored at half the table's first entry.
 */
public final class BackoffPolicy {
    private final BackoffConfig config;
    private final RandomGenerator random;

    public BackoffPolicy(BackoffConfig config, RandomGenerator random) {
        this.config = config;
        this.random = random;
    }

    /**
     * @param attempts executions so far, the failed one included
     * @param retryAfter the delay the handler asked for, or null
     * @return the seconds to store in {@code backoff_request_seconds}
     */
    public int backoffSeconds(int attempts, Duration retryAfter) {
        if (retryAfter != null) {
            long requested = Math.max(0, (retryAfter.toMillis() + 999) / 1000);
            return (int) Math.min(requested, config.maxBackoffSeconds());
        }
        int calculated = jittered(capped(tableOrPower(attempts)));
        double floor = config.defaultBackoffSeconds().getFirst() * 0.5;
        return (int) Math.max(calculated, Math.ceil(floor));
    }

    private double tableOrPower(int attempt) {
        List<Integer> table = config.defaultBackoffSeconds();
        if (attempt <= 0) {
            return 0;
        }
        if (attempt <= table.size()) {
            return table.get(attempt - 1);
        }
        return Math.pow(attempt, config.backoffMultiplier());
    }

    private double capped(double seconds) {
        return Math.min(seconds, config.maxBackoffSeconds());
    }

    private int jittered(double seconds) {
        int value = (int) Math.round(seconds);
        if (!config.jitterEnabled() || value <= 0) {
            return value;
        }
        int spread = (int) Math.round(value * config.jitterMaxPercentage());
        int offset = spread == 0 ? 0 : random.nextInt(-spread, spread + 1);
        return Math.max(1, value + offset);
    }
}
