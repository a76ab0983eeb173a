package io.tasker.core.config;

import java.util.List;

/** Retry backoff and re-enqueue delays (TASKER-COMPAT.md §3.5, §7; names as in Tasker's {@code BackoffConfig}). */
public record BackoffConfig(
        List<Integer> defaultBackoffSeconds,
        int maxBackoffSeconds,
        double backoffMultiplier,
        boolean jitterEnabled,
        double jitterMaxPercentage) {

    public BackoffConfig {
        defaultBackoffSeconds = List.copyOf(defaultBackoffSeconds);
    }
}
