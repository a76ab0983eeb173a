package io.tasker.core.config;

import java.time.Duration;

/**
 * How an engine shares tasks with other workers on the same database (ARCHITECTURE.md §4).
 *
 * @param leaseSeconds how long a claim on a task lasts without a heartbeat; a worker that dies holds its
 *     tasks this long at most before any other worker reclaims them
 * @param heartbeatSeconds how often a worker renews the leases of the tasks it runs; well below the lease
 * @param claimBatchSize most tasks claimed by one statement
 * @param maxOwnedTasks most tasks one worker holds at once (claimed and not yet settled)
 * @param pollIntervalMs how often an idle worker looks for work when no notification woke it
 * @param shutdownGraceSeconds how long a stopping worker waits for the attempts in flight before it releases them
 */
public record WorkerConfig(int leaseSeconds, int heartbeatSeconds, int claimBatchSize, int maxOwnedTasks,
                           int pollIntervalMs, int shutdownGraceSeconds) {

    /** Kept equal to config/tasker-core.yaml (a test checks it). */
    public static final WorkerConfig DEFAULTS = new WorkerConfig(10, 2, 64, 512, 1000, 30);

    public WorkerConfig {
        if (heartbeatSeconds * 2 > leaseSeconds) {
            throw new IllegalArgumentException("worker.heartbeat_seconds (" + heartbeatSeconds
                    + ") must be at most half of worker.lease_seconds (" + leaseSeconds
                    + "), so that a lease is renewed at least twice before it can expire");
        }
    }

    public Duration lease() {
        return Duration.ofSeconds(leaseSeconds);
    }

    public Duration heartbeat() {
        return Duration.ofSeconds(heartbeatSeconds);
    }
}
