package io.tasker.core.config;

import java.util.List;

/** Retry backoff and re-enqueue delays (TASKER-COMPAT.md §3.5, §7; names as in Tasker's {@code BackoffConfig}). */
public record BackoffConfig(
        List<Integer> defaultBackoffSeconds,
        int maxBackoffSeconds,
        double backoffMultiplier,
        boolean jitterEnabled,
        double jitterMaxPercentage,
        ReenqueueDelays reenqueueDelays,
        int defaultReenqueueDelay,
        int bufferSeconds) {

    public BackoffConfig {
        defaultBackoffSeconds = List.copyOf(defaultBackoffSeconds);
    }

    /** Seconds to wait before a task is looked at again, by its execution status. */
    public record ReenqueueDelays(int hasReadySteps, int waitingForDependencies, int processing) {
    }
}
