package io.tasker.core.wakeup;

import java.time.Duration;
import java.util.Objects;

/**
 * How patiently the listener reconnects and how often it checks that its connection still answers.
 *
 * @param firstRetry delay before the first reconnection attempt; doubled after each failed one
 * @param maxRetry cap of that delay
 * @param connectTimeout longest wait for one connection attempt (connect, log in, LISTEN)
 * @param heartbeat interval of the {@code SELECT 1} that detects a silently dead connection (a peer
 *     gone without closing the socket); its answer must come within {@code connectTimeout}
 */
public record ListenerTimings(Duration firstRetry, Duration maxRetry, Duration connectTimeout, Duration heartbeat) {

    public static final ListenerTimings DEFAULT =
            new ListenerTimings(Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30));

    /** Share of a delay that is randomised, so that many workers reconnecting after a restart do not knock at once. */
    private static final double JITTER = 0.2;

    public ListenerTimings {
        Objects.requireNonNull(firstRetry, "firstRetry");
        Objects.requireNonNull(maxRetry, "maxRetry");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(heartbeat, "heartbeat");
        if (firstRetry.toMillis() < 1 || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("Reconnect delays must be at least 1 ms and firstRetry <= maxRetry, were "
                    + firstRetry + " and " + maxRetry);
        }
        if (connectTimeout.toMillis() < 1 || heartbeat.toMillis() < 1) {
            throw new IllegalArgumentException("connectTimeout and heartbeat must be at least 1 ms");
        }
    }

    /**
     * Milliseconds to wait before reconnection attempt number {@code attempt} (0 for the first after a
     * drop): {@code firstRetry * 2^attempt}, capped, then moved by up to ±20 % with {@code random} in [0, 1).
     */
    long retryDelayMillis(int attempt, double random) {
        // 2^30 times any sane first delay is far past any cap, and the shift cannot overflow a long.
        long delay = Math.min(maxRetry.toMillis(), firstRetry.toMillis() << Math.clamp(attempt, 0, 30));
        return Math.max(1, Math.round(delay * (1 - JITTER + 2 * JITTER * random)));
    }
}
