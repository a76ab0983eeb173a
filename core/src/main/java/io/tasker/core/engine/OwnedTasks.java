package io.tasker.core.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The leases this engine holds (task id to claim token), shared by the orchestrators that hold them, the
 * heartbeat that renews them and the worker that counts them; plus the count of refused late writes.
 */
final class OwnedTasks {
    private final Map<Long, Long> tokens = new ConcurrentHashMap<>();
    private final AtomicLong staleWrites = new AtomicLong();

    void hold(long taskId, long token) {
        tokens.put(taskId, token);
    }

    void drop(long taskId, long token) {
        tokens.remove(taskId, token);
    }

    /** A copy, so the heartbeat never sees a half-updated map. */
    Map<Long, Long> snapshot() {
        return Map.copyOf(tokens);
    }

    int count() {
        return tokens.size();
    }

    void staleWriteRefused() {
        staleWrites.incrementAndGet();
    }

    long staleWritesRefused() {
        return staleWrites.get();
    }
}
