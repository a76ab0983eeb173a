package io.tasker.core.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The leases this engine holds (task id to claim token, and when each was taken or last renewed), shared by the
 * orchestrators that hold them, the heartbeat that renews them and the worker that counts them; plus the count
 * of refused late writes.
 */
final class OwnedTasks {
    /** A lease: its token, and System.nanoTime() when it was taken or last renewed (never later than the database's). */
    private record Lease(long token, long sinceNanos) {
    }

    private final Map<Long, Lease> leases = new ConcurrentHashMap<>();
    private final AtomicLong staleWrites = new AtomicLong();

    void hold(long taskId, long token) {
        leases.put(taskId, new Lease(token, System.nanoTime()));
    }

    /** @return whether this lease was still held (and is not any more) */
    boolean drop(long taskId, long token) {
        boolean[] dropped = new boolean[1];
        leases.computeIfPresent(taskId, (id, lease) -> {
            if (lease.token() == token) {
                dropped[0] = true;
                return null;
            }
            return lease;
        });
        return dropped[0];
    }

    /** A copy, so the heartbeat never sees a half-updated map. */
    Map<Long, Long> snapshot() {
        return olderThan(Long.MIN_VALUE);
    }

    /** The leases taken or last renewed at least {@code ageNanos} ago: the ones a heartbeat renews. */
    Map<Long, Long> renewable(long ageNanos) {
        return olderThan(System.nanoTime() - ageNanos);
    }

    private Map<Long, Long> olderThan(long nanos) {
        Map<Long, Long> copy = new HashMap<>();
        leases.forEach((id, lease) -> {
            if (nanos == Long.MIN_VALUE || lease.sinceNanos() - nanos <= 0) {
                copy.put(id, lease.token());
            }
        });
        return copy;
    }

    /** The given leases (with these tokens) were renewed by a statement that started at {@code atNanos}. */
    void renewed(Set<Long> taskIds, Map<Long, Long> tokens, long atNanos) {
        for (long id : taskIds) {
            long token = tokens.get(id);
            leases.computeIfPresent(id, (k, lease) -> lease.token() == token ? new Lease(token, atNanos) : lease);
        }
    }

    int count() {
        return leases.size();
    }

    void staleWriteRefused() {
        staleWrites.incrementAndGet();
    }

    long staleWritesRefused() {
        return staleWrites.get();
    }
}
